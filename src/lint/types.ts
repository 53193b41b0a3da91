/** The lint rule contract: one rule per file, the file name is the rule id (STYLE habit 3). */
import type { Severity } from '../core/diagnostic.js';
import type { Api, Group } from '../core/model.js';
import type { LoadedGroup, Workspace } from '../core/workspace-model.js';
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
}

/** Where a finding points: a JSON pointer into a group's Swagger file, or into apig.yaml. */
export type Target = { group: LoadedGroup; path: string } | { workspace: true; path: string };

export interface RuleContext {
  ws: Workspace;
  quotas: Quotas;
  report(target: Target, message: string): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Each API of each group with where it stands in its file. */
export interface ApiSite {
  group: LoadedGroup;
  model: Group;
  api: Api;
  /** JSON pointer of the operation object. */
  at: string;
}
