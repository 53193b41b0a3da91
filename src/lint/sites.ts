/**
 * The nodes the lint walk hands to the rules (an API with its pointer, a backend with its pointers) and helpers
 * the rules share. Pointers and derived values are worked out on first use: most nodes have no finding.
 */
import { type ApiAuth, apiAuth, requestPath } from '../core/defaults.js';
import type { Api, Backend, BackendPolicy, Group, Param } from '../core/model.js';
import { escapeSegment, join } from '../core/pointer.js';
import type { LoadedGroup } from '../core/workspace-model.js';
import { operationKey } from '../oas/decode-operation.js';
import { namesInFile } from './left-out.js';
import type { ApiSite, BackendSite } from './types.js';

/**
 * What the APIs of one group share, worked out once per group: the base path, and the authentication of each
 * security requirement (APIs name a few requirements many times).
 */
export class GroupShare {
  /** `requestPath` of an API is this plus its path. */
  readonly base: string;
  readonly #auth = new Map<string, { auth: ApiAuth; complete: boolean }>();
  /** Requirements of several schemes (dual authentication), by their names as JSON. */
  readonly #dualAuth = new Map<string, { auth: ApiAuth; complete: boolean }>();

  constructor(readonly group: LoadedGroup) {
    this.base = requestPath(group.model, { path: '' });
  }

  /** The authentication an API with this `security` has, and whether every scheme it names is in the model. */
  authOf(api: Api): { auth: ApiAuth; complete: boolean } {
    const names = api.security?.[0] ?? [];
    const single = names.length === 1;
    const key = single ? (names[0] as string) : JSON.stringify(names);
    const cache = single ? this.#auth : this.#dualAuth;
    let found = cache.get(key);
    if (!found) {
      const { model } = this.group;
      const complete = names.every(
        (n) => model.securitySchemes.some((s) => s.name === n) || !namesInFile(this.group, 'schemes').has(n),
      );
      found = { auth: apiAuth(model, api), complete };
      cache.set(key, found);
    }
    return found;
  }
}

/** `join(base, key)` for one key, without the arrays of join (pointers are built per finding). */
function under(base: string, key: string | number): string {
  return `${base}/${typeof key === 'number' ? key : escapeSegment(key)}`;
}

export class ApiNode implements ApiSite {
  readonly model: Group;
  readonly group: LoadedGroup;
  #at: string | undefined;
  #auth: { auth: ApiAuth; complete: boolean } | undefined;
  #requestPath: string | undefined;

  constructor(
    readonly share: GroupShare,
    readonly api: Api,
  ) {
    this.group = share.group;
    this.model = share.group.model;
  }

  get at(): string {
    this.#at ??= under(under('/paths', this.api.path), operationKey(this.api.method));
    return this.#at;
  }

  get auth(): ApiAuth {
    this.#auth ??= this.share.authOf(this.api);
    return this.#auth.auth;
  }

  get authComplete(): boolean {
    this.#auth ??= this.share.authOf(this.api);
    return this.#auth.complete;
  }

  get requestPath(): string {
    this.#requestPath ??= this.share.base + this.api.path;
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
      this.policy === undefined
        ? under(this.site.at, BACKEND_KEY)
        : under(under(this.site.at, POLICIES_KEY), this.policy);
    return this.#at;
  }

  get endpointAt(): string {
    const key = ENDPOINT_KEY[this.backend.type];
    return under(this.at, this.backend.kept?.keys?.[key] ?? key);
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

/**
 * `{name}` and `{name+}` segments of a path: what /\{([^{}]+?)\+?\}/g captures, scanned by hand (it runs for
 * every API): from each `{` to the next brace, when that is a `}` with something between; one `+` at the end
 * of a longer name is left out.
 */
export function pathParams(path: string): string[] {
  const out: string[] = [];
  for (let open = path.indexOf('{'); open >= 0; ) {
    let end = open + 1;
    while (end < path.length && path[end] !== '{' && path[end] !== '}') end++;
    if (end >= path.length) break;
    if (path[end] === '}' && end > open + 1) {
      const inner = path.slice(open + 1, end);
      out.push(inner.length > 1 && inner.endsWith('+') ? inner.slice(0, -1) : inner);
      open = path.indexOf('{', end + 1);
    } else open = path.indexOf('{', open + 1);
  }
  return out;
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
