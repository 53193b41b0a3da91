/**
 * The lint rule contract: one rule per file, the file name is the rule id (STYLE habit 3). A rule is a set of
 * visitors, Redocly's way: the engine walks the workspace once (visit.ts) and calls, at each node, the handler
 * every enabled rule has for that kind of node.
 */
import type { Severity } from '../core/diagnostic.js';
import type { ApiAuth } from '../core/defaults.js';
import type {
  AclPolicy,
  Api,
  Backend,
  BackendPolicy,
  GatewayResponseSet,
  Group,
  Param,
  SecurityScheme,
  ThrottlePolicy,
} from '../core/model.js';
import type { LoadedGroup, Workspace } from '../core/workspace-model.js';
import type { FixBuilder } from './fix/types.js';
import type { Quotas } from './quotas.js';
import type { RuleId } from './rule-ids.js';

export type RuleSeverity = Severity | 'off';

export const RULE_CATEGORIES = [
  'schema',
  'names',
  'paths',
  'parameters',
  'auth',
  'backends',
  'policies',
  'routes',
  'quotas',
  'workspace',
] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export interface RuleMeta {
  id: RuleId;
  category: RuleCategory;
  /** One line: what the rule checks. */
  description: string;
  /** Where the rule comes from (documentation sections), for the docs page and SARIF help. */
  source: string;
  /** Longer explanation for the docs page: why it matters and how to fix it. */
  rationale: string;
  /**
   * What `apig lint --fix` does for the findings it can fix, for the docs page and `--list-rules` (one or two
   * sentences); left out when no finding of the rule has one obvious correct fix.
   */
  fix?: string;
}

/** Where a finding points: a JSON pointer into a group's Swagger file, or into apig.yaml. */
export type Target = { group: LoadedGroup; path: string } | { workspace: true; path: string };

export interface RuleContext {
  ws: Workspace;
  quotas: Quotas;
  /**
   * Build the pointer and the message here, when there is something to report: never per node. `fix` builds the
   * finding's fix; it is called only when the run asks for fixes, so that linting pays nothing for it.
   */
  report(target: Target, message: string, fix?: FixBuilder): void;
}

/** Each API of each group, made once per walk and handed to every rule; what is derived is worked out on first use. */
export interface ApiSite {
  readonly group: LoadedGroup;
  readonly model: Group;
  readonly api: Api;
  /** JSON pointer of the operation object. */
  readonly at: string;
  /** The API's authentication (security requirement and the group's schemes). */
  readonly auth: ApiAuth;
  /**
   * False when a scheme the API names was left out of the model for an error in it (lint builds the model from
   * what is valid): `auth` is then partial, and rules say nothing that follows from what it lacks.
   */
  readonly authComplete: boolean;
  /** The request path as called: basePath + path. */
  readonly requestPath: string;
}

/** The default backend (`policy` undefined) or a policy backend of an API; pointers are built on first use. */
export interface BackendSite {
  readonly site: ApiSite;
  readonly backend: Backend | BackendPolicy;
  /** Index in x-apigateway-backend-policies, for a policy backend. */
  readonly policy: number | undefined;
  /** JSON pointer of the backend object. */
  readonly at: string;
  /** JSON pointer of its endpoint object (httpEndpoints, functionEndpoints...), under the key as written. */
  readonly endpointAt: string;
}

export interface PolicyBackendSite extends BackendSite {
  readonly backend: BackendPolicy;
  readonly policy: number;
}

/**
 * The handlers of one rule. Order of the walk: `Workspace`; then per group `Group`, its `SecurityScheme`s,
 * `ThrottlePolicy`s, `AclPolicy`s and `GatewayResponse`s, then per API `Api`, its `Param`s (inherited ones
 * first), its default backend (`Backend`), then per policy backend `BackendPolicy` and `Backend`; then
 * `leave.Group`; last `leave.Workspace`. A `leave` handler is for checks that need every node below it seen.
 */
export interface Visitor {
  Workspace?(ws: Workspace): void;
  Group?(group: LoadedGroup, index: number): void;
  SecurityScheme?(scheme: SecurityScheme, group: LoadedGroup): void;
  ThrottlePolicy?(policy: ThrottlePolicy, group: LoadedGroup): void;
  AclPolicy?(policy: AclPolicy, group: LoadedGroup): void;
  GatewayResponse?(set: GatewayResponseSet, group: LoadedGroup): void;
  Api?(site: ApiSite): void;
  Param?(param: Param, site: ApiSite): void;
  Backend?(backend: BackendSite): void;
  BackendPolicy?(policy: PolicyBackendSite): void;
  leave?: {
    Group?(group: LoadedGroup, index: number): void;
    Workspace?(ws: Workspace): void;
  };
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Called once per lint run, before the walk: returns the rule's handlers. State a rule keeps across nodes
   * (names seen, routes taken) lives in this closure, so runs never share it.
   */
  create(ctx: RuleContext): Visitor;
}
