/**
 * The nodes the lint walk hands to the rules (an API with its pointer, a backend with its pointers) and helpers
 * the rules share. Pointers and derived values are worked out on first use: most nodes have no finding.
 */
import { type ApiAuth, apiAuth, requestPath } from '../core/defaults.js';
import type { Api, Backend, BackendPolicy, Group, Param } from '../core/model.js';
import { join } from '../core/pointer.js';
import type { LoadedGroup } from '../core/workspace-model.js';
import { operationKey } from '../oas/decode-operation.js';
import { namesInFile } from './left-out.js';
import type { ApiSite, BackendSite } from './types.js';

export class ApiNode implements ApiSite {
  readonly model: Group;
  #at: string | undefined;
  #auth: ApiAuth | undefined;
  #authComplete: boolean | undefined;
  #requestPath: string | undefined;

  constructor(
    readonly group: LoadedGroup,
    readonly api: Api,
  ) {
    this.model = group.model;
  }

  get at(): string {
    this.#at ??= join('', 'paths', this.api.path, operationKey(this.api.method));
    return this.#at;
  }

  get auth(): ApiAuth {
    this.#auth ??= apiAuth(this.model, this.api);
    return this.#auth;
  }

  get authComplete(): boolean {
    this.#authComplete ??= (this.api.security?.[0] ?? []).every(
      (n) => this.model.securitySchemes.some((s) => s.name === n) || !namesInFile(this.group, 'schemes').has(n),
    );
    return this.#authComplete;
  }

  get requestPath(): string {
    this.#requestPath ??= requestPath(this.model, this.api);
    return this.#requestPath;
  }
}

export const BACKEND_KEY = 'x-apigateway-backend';
export const POLICIES_KEY = 'x-apigateway-backend-policies';

export const ENDPOINT_KEY: Record<Backend['type'], string> = {
  HTTP: 'httpEndpoints',
  'HTTP-VPC': 'httpVpcEndpoints',
  'HTTP-VPC-MEMBER-GROUP': 'httpVpcMemberGroupEndpoints',
  FUNCTION: 'functionEndpoints',
  MOCK: 'mockEndpoints',
};

export class BackendNode implements BackendSite {
  #at: string | undefined;

  constructor(
    readonly site: ApiSite,
    readonly backend: Backend | BackendPolicy,
    readonly policy: number | undefined,
  ) {}

  get at(): string {
    this.#at ??=
      this.policy === undefined ? join(this.site.at, BACKEND_KEY) : join(this.site.at, POLICIES_KEY, this.policy);
    return this.#at;
  }

  get endpointAt(): string {
    const key = ENDPOINT_KEY[this.backend.type];
    return join(this.at, this.backend.kept?.keys?.[key] ?? key);
  }
}

/** Where a parameter was written: in the operation, the Path Item, or the root `parameters` map. */
export function paramPointer(site: ApiSite, param: Param): string {
  if (param.ref !== undefined) return param.ref.replace(/^#/, '');
  if (param.inherited) {
    const item = join('', 'paths', site.api.path, 'parameters');
    const index = site.api.params.filter((p) => p.inherited).indexOf(param);
    return join(item, index);
  }
  const own = site.api.params.filter((p) => !p.inherited);
  return join(site.at, 'parameters', own.indexOf(param));
}

/** `#name#` environment variables in a string (002 §5.2.1). */
export function variablesIn(text: string): string[] {
  if (!text.includes('#')) return [];
  return [...text.matchAll(/#([^#\s]+)#/g)].map((m) => m[1] as string);
}

/** `{name}` and `{name+}` segments of a path. */
export function pathParams(path: string): string[] {
  if (!path.includes('{')) return [];
  return [...path.matchAll(/\{([^{}]+?)\+?\}/g)].map((m) => m[1] as string);
}

/** Security schemes live under `securityDefinitions` (2.0) or `components.securitySchemes` (3.0). */
export function schemePointer(group: LoadedGroup, name: string): string {
  return group.model.format === 'oas3'
    ? join('', 'components', 'securitySchemes', name)
    : join('', 'securityDefinitions', name);
}

/** Gateway responses at the root (2.0) or under `components` (3.0), ruling 10. */
export function responsesPointer(group: LoadedGroup, ...rest: string[]): string {
  return group.model.format === 'oas3'
    ? join('', 'components', 'x-apigateway-responses', ...rest)
    : join('', 'x-apigateway-responses', ...rest);
}

/** The document-level `schemes` (kept as written in the group). */
export function rootSchemes(model: { kept?: { extra?: Record<string, unknown> } }): string[] | undefined {
  const s = model.kept?.extra?.schemes;
  return Array.isArray(s) ? s.map(String) : undefined;
}
