/**
 * `$context.*` variables: in gateway-response templates (002 §5.1.4 表5-3; x-apigateway.md §18) and as SYSTEM
 * backend parameters (002 §5.2.1 表5-12; x-apigateway.md §8.1). One resolver for both.
 * appId/appName are those of the app authentication found (empty otherwise); `authorizer.frontend.<key>` and
 * `authorizer.backend.<key>` are the custom authorizers' context values; unknown names are empty (the
 * substitution rules are not documented, api-model.md §4.4).
 */
import { clientIpOf } from './client-ip.js';
import type { RequestContext } from './context.js';
import { ERRORS, failureMessage, type GatewayFailure } from '../response/errors.js';

type Resolver = (ctx: RequestContext, error?: GatewayFailure) => string | undefined;

const VARS: Record<string, Resolver> = {
  apiId: (c) => c.hit?.api.id,
  apiName: (c) => c.hit?.api.api.name,
  appId: (c) => (c.identity?.kind === 'app' ? c.identity.app.id : ''),
  appName: (c) => (c.identity?.kind === 'app' ? c.identity.app.name : ''),
  requestId: (c) => c.requestId,
  stage: (c) => c.env,
  sourceIp: (c) => clientIpOf(c),
  reqPath: (c) => c.path,
  reqUri: (c) => (c.query === '' ? c.path : `${c.path}?${c.query}`),
  reqMethod: (c) => c.method,
  serverAddr: (c) => c.localAddress,
  'error.code': (_c, e) => (e ? ERRORS[e.id].code : undefined),
  'error.message': (_c, e) => (e ? failureMessage(e) : undefined),
  'error.type': (_c, e) => (e ? ERRORS[e.id].type : undefined),
};

function authorizerValue(ctx: RequestContext, name: string): string | undefined {
  const [, which, key] = /^authorizer\.(frontend|backend)\.(.+)$/.exec(name) ?? [];
  if (which === undefined || key === undefined) return undefined;
  const values = ctx.authorizer?.[which as 'frontend' | 'backend'];
  const v = values && Object.hasOwn(values, key) ? values[key] : undefined;
  return v === undefined ? undefined : String(v);
}

export function contextVariable(ctx: RequestContext, name: string, error?: GatewayFailure): string | undefined {
  const own = Object.hasOwn(VARS, name) ? VARS[name] : undefined;
  return own?.(ctx, error) ?? (name.startsWith('authorizer.') ? authorizerValue(ctx, name) : undefined);
}

const REF = /\$context\.([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g;

/** How a substituted value is written into a template. */
export type Escape = (value: string) => string;

const asJson: Escape = (v) => JSON.stringify(v).slice(1, -1);
/** Values as they are (header templates: response/responses.ts headerSafe makes them sendable). */
export const verbatim: Escape = (v) => v;
const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const asMarkup: Escape = (v) => v.replace(/[&<>"']/g, (c) => MARKUP[c] ?? c);

/**
 * The escaping for a gateway-response body of this content type (the documents are silent): JSON string content
 * for JSON types (any with `json`, as response/responses.ts picks them), so that
 * `"error_msg": "$context.error.message"` stays valid JSON; nothing for `text/plain`; character references for HTML,
 * XML and every other type, so that no value becomes markup or script in a type we do not know.
 */
export function escapeFor(contentType: string): Escape {
  const media = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (media.includes('json')) return asJson;
  if (media === 'text/plain') return verbatim;
  return asMarkup;
}

/** Fills `$context.x` in a template; `escape` writes each value. */
export function substituteContext(
  template: string,
  ctx: RequestContext,
  error?: GatewayFailure,
  escapeValue: Escape = asJson,
): string {
  return template.replace(REF, (_whole, name: string) => escapeValue(contextVariable(ctx, name, error) ?? ''));
}
