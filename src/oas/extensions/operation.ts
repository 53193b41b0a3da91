/**
 * The operation-level fields: standard Swagger ones APIG reads (operationId, schemes, security...) and the
 * operation extensions request-type, match-mode, cors, is-send-fg-body-base64, content-type, backend,
 * backend-policies, ratelimit, access-control, plugins and response (x-apigateway.md §3-6, 8-10, 12, 14, 17, 21).
 */
import { MATCH_MODES, REQUEST_TYPES, SCHEMES, type Api } from '../../core/model.js';
import { anyValue, bool, isRecord, list, oneOf, report, str, type Codec } from '../codec.js';
import { object, opt } from '../object-codec.js';
import { backendCodec } from './backend.js';
import { policiesCodec } from './backend-policies.js';

/** A security requirement whose schemes all have empty scope lists: what `security.encode` writes. */
function noScopes(requirement: unknown): boolean {
  if (!isRecord(requirement)) return false;
  for (const n of Object.keys(requirement)) {
    const scopes = requirement[n];
    if (!Array.isArray(scopes) || scopes.length > 0) return false;
  }
  return true;
}

/** `security: [{apig-auth-app: []}]` → [['apig-auth-app']]. Scopes are always empty for APIG. */
const security: Codec<string[][]> = {
  decode(raw, at, ctx) {
    if (!Array.isArray(raw) || !raw.every(isRecord)) return report(ctx, at, 'security must be an array of objects');
    return raw.map((r) => Object.keys(r));
  },
  encode: (v) => v.map((names) => Object.fromEntries(names.map((n) => [n, []]))),
  // What encode gives back: each requirement's schemes with empty scope lists.
  same: (_, raw) => Array.isArray(raw) && raw.every(noScopes),
};

export type OperationFields = Omit<Api, 'name' | 'nameGenerated' | 'method' | 'path' | 'params'> & {
  operationId?: string;
  /** Decoded separately (inheritance and `$ref`s); listed so that it is not kept as an unknown key. */
  parameters?: unknown;
};

export const operationCodec = object<OperationFields>(
  {
    operationId: opt('operationId', str),
    summary: opt('summary', str),
    description: opt('description', str),
    schemes: opt('schemes', list(oneOf(SCHEMES, { ws: 'http', wss: 'https' }))),
    security: opt('security', security),
    parameters: opt('parameters', anyValue),
    responses: opt('responses', anyValue as Codec<Record<string, unknown>>),
    requestType: opt('x-apigateway-request-type', oneOf(REQUEST_TYPES)),
    matchMode: opt('x-apigateway-match-mode', oneOf(MATCH_MODES)),
    cors: opt('x-apigateway-cors', bool),
    sendFgBodyBase64: opt('x-apigateway-is-send-fg-body-base64', bool),
    contentType: opt('x-apigateway-content-type', str),
    backend: opt('x-apigateway-backend', backendCodec),
    policies: opt('x-apigateway-backend-policies', policiesCodec),
    throttle: opt('x-apigateway-ratelimit', str),
    acl: opt('x-apigateway-access-control', str),
    plugins: opt('x-apigateway-plugins', list(str)),
    gatewayResponse: opt('x-apigateway-response', str),
  },
  { name: 'operation' },
);
