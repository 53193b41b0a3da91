/**
 * The Group model → a Swagger 2.0 document, in the console's three scopes (api-model.md §7.2, 002 §5.2.9):
 * basic = front-end definitions, full = with backends, extended = with throttling, access control and the
 * other policy objects. Values are written as they were imported (see Kept); output order is stable.
 */
import type { Api, Group, Param } from '../core/model.js';
import type { Codec } from './codec.js';
import { orderEntries } from './object-codec.js';
import { aclPolicy } from './extensions/access-controls.js';
import { operationCodec, type OperationFields } from './extensions/operation.js';
import { paramCodec } from './extensions/parameter.js';
import { responseSet } from './extensions/responses.js';
import { securityScheme } from './extensions/security.js';
import { throttlePolicy } from './extensions/throttles.js';
import { infoCodec, rootCodec } from './decode.js';
import { ANY_METHOD_KEY } from './walk.js';

import { APIG_ONLY_KEYS, EXPORT_SCOPES, type ExportScope } from '../core/vocabulary.js';

export { APIG_ONLY_KEYS, EXPORT_SCOPES, type ExportScope };

/** The smallest scope each operation field appears in. */
const OPERATION_SCOPE = {
  operationId: 'basic',
  summary: 'basic',
  description: 'basic',
  schemes: 'basic',
  security: 'basic',
  parameters: 'basic',
  responses: 'basic',
  requestType: 'basic',
  matchMode: 'basic',
  cors: 'basic',
  contentType: 'basic',
  sendFgBodyBase64: 'full',
  backend: 'full',
  policies: 'full',
  throttle: 'extended',
  acl: 'extended',
  plugins: 'extended',
  gatewayResponse: 'extended',
} as const satisfies Record<Exclude<keyof OperationFields, 'kept'>, ExportScope>;

export interface ExportOptions {
  scope: ExportScope;
  /** Which APIs to export (default all). */
  include?: (api: Api) => boolean;
  /** info.version override (--api-version). */
  version?: string;
  /** Drop apig-only keys (true for `apig export`, false when apig rewrites a workspace file). */
  forConsole?: boolean;
}

const rank = (s: ExportScope): number => EXPORT_SCOPES.indexOf(s);

function inScope(field: keyof typeof OPERATION_SCOPE, scope: ExportScope): boolean {
  return rank(OPERATION_SCOPE[field]) <= rank(scope);
}

function encodeParam(p: Param): unknown {
  return p.ref !== undefined ? { $ref: p.ref } : paramCodec.encode(p);
}

function withoutApigKeys(o: Record<string, unknown>, forConsole: boolean): Record<string, unknown> {
  if (!forConsole) return o;
  const copy = { ...o };
  for (const k of APIG_ONLY_KEYS) delete copy[k];
  return copy;
}

export function encodeOperation(api: Api, scope: ExportScope, forConsole = false): Record<string, unknown> {
  const { name, nameGenerated, method: _m, path: _p, params, ...rest } = api;
  const own = params.filter((p) => !p.inherited);
  const fields: OperationFields = {
    ...rest,
    ...(nameGenerated ? {} : { operationId: name }),
    ...(own.length > 0 || rest.kept?.order?.includes('parameters') ? { parameters: own.map(encodeParam) } : {}),
  };
  for (const key of Object.keys(OPERATION_SCOPE) as Array<keyof typeof OPERATION_SCOPE>) {
    if (!inScope(key, scope)) delete fields[key];
  }
  const out = operationCodec.encode(fields) as Record<string, unknown>;
  return withoutApigKeys(out, forConsole);
}

/** A map of named objects; an empty one only where the document had it written so (kept by decode.ts). */
function named<T extends { name: string }>(
  items: readonly T[],
  codec: Codec<Omit<T, 'name'>>,
  writtenEmpty = false,
): Record<string, unknown> | undefined {
  if (items.length === 0) return writtenEmpty ? {} : undefined;
  return Object.fromEntries(items.map(({ name, ...rest }) => [name, codec.encode(rest)]));
}

function encodePaths(group: Group, options: ExportOptions): Record<string, unknown> {
  const include = options.include ?? (() => true);
  const byPath = new Map<string, Array<[string, unknown]>>();
  for (const api of group.apis) {
    if (!include(api)) continue;
    const key = api.method === 'ANY' ? ANY_METHOD_KEY : api.method.toLowerCase();
    const list = byPath.get(api.path) ?? [];
    list.push([key, encodeOperation(api, options.scope, options.forConsole)]);
    byPath.set(api.path, list);
  }
  const itemInfo = new Map(group.pathItems.map((p) => [p.path, p]));
  const order = [...group.pathItems.map((p) => p.path), ...[...byPath.keys()].filter((p) => !itemInfo.has(p))];
  const withApis = new Set(group.apis.map((a) => a.path));
  const out: Record<string, unknown> = {};
  for (const path of order) {
    const ops = byPath.get(path);
    // A Path Item that holds no API (only an OpenAPI 3.0 `trace` operation, only parameters, nothing) is written
    // as it was when every API is exported; one whose APIs are all left out goes with them.
    if (!ops && (withApis.has(path) || options.include !== undefined)) continue;
    const info = itemInfo.get(path);
    out[path] = Object.fromEntries(
      orderEntries([...Object.entries(info?.kept?.extra ?? {}), ...(ops ?? [])], info?.kept?.order),
    );
  }
  return out;
}

export function exportGroup(group: Group, options: ExportOptions): Record<string, unknown> {
  const extended = options.scope === 'extended';
  // `x-apigateway-responses: {}` as the console writes it (User Guide (online), "Importing APIs": HTTP VPC).
  const written = (key: string): boolean => group.kept?.values?.[key] !== undefined;
  const info = infoCodec.encode({
    title: group.name,
    ...(group.description !== undefined ? { description: group.description } : {}),
    ...(options.version !== undefined
      ? { version: options.version }
      : group.version !== undefined
        ? { version: group.version }
        : {}),
    ...(group.info?.kept ? { kept: group.info.kept } : {}),
  });
  const root = rootCodec.encode({
    swagger: '2.0',
    info: undefined,
    ...(group.host !== undefined ? { host: group.host } : {}),
    ...(group.basePath !== undefined ? { basePath: group.basePath } : {}),
    paths: encodePaths(group, options),
    securityDefinitions: named(group.securitySchemes, securityScheme, written('securityDefinitions')),
    ratelimits: extended ? named(group.throttles, throttlePolicy, written('x-apigateway-ratelimits')) : undefined,
    acls: extended ? named(group.acls, aclPolicy, written('x-apigateway-access-controls')) : undefined,
    responses: extended ? named(group.responses, responseSet, written('x-apigateway-responses')) : undefined,
    ...(group.kept ? { kept: group.kept } : {}),
  }) as Record<string, unknown>;
  // `info` is encoded on its own so that an --api-version override does not disturb the kept order.
  const entries = Object.entries(root);
  const withInfo = orderEntries([...entries, ['info', info]], group.kept?.order ?? ['swagger', 'info']);
  return withoutApigKeys(Object.fromEntries(withInfo), options.forConsole ?? false);
}
