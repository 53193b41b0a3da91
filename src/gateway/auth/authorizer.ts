/**
 * Custom authorizers offline (ruling 8): a local JavaScript module or a local HTTP endpoint named in apig.yaml
 * `authorizers` stands in for the FunctionGraph function. The event (practices.md §2.3: lower-cased header
 * names, `queryStringParameters`; 002 §5.8.1: identity sources, user data, the body when need_body):
 *   { headers, queryStringParameters, pathParameters, httpMethod, path, body?, user_data,
 *     requestContext: { apiId, requestId, stage, sourceIp } }
 * A module exports `handler(event, context)`; a URL receives the event as a JSON POST and answers the result.
 * The result is read by authorizer-result.ts; identity sources are checked and the result cached per ttl here.
 */
import { request } from 'undici';
import type { AuthorizerDef, SecurityScheme } from '../../core/model.js';
import { clientIpOf } from '../request/client-ip.js';
import { headerValue, traceStep, type RequestContext } from '../request/context.js';
import { failure, type GatewayFailure } from '../response/errors.js';
import { firstQueryValues } from '../request/query.js';
import { parseAuthorizerResult, type AuthorizerResult } from './authorizer-result.js';

export type AuthorizerKindName = 'frontend' | 'backend';

export type AuthorizerOutcome =
  | { ok: true; result: AuthorizerResult; cached: boolean }
  | { ok: false; failure: GatewayFailure };

/** FunctionGraph's default timeout for an authorizer is not documented; the REST model's `timeout` is ms. */
const DEFAULT_TIMEOUT_MS = 5000;

/** A validation that does not compile matches nothing (start-up does not check it; lint may). */
function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}

/** Identity-source values in declared order, or the name of the first missing or invalid one. */
export function identityValues(ctx: RequestContext, def: AuthorizerDef): { values: string[] } | { missing: string } {
  const values: string[] = [];
  const query = firstQueryValues(ctx.query);
  for (const id of def.identities ?? []) {
    const v = id.location === 'HEADER' ? headerValue(ctx.headers, id.name.toLowerCase()) : query[id.name];
    if (v === undefined || v === '') return { missing: `${id.location.toLowerCase()} ${id.name}` };
    // `validation` is a regular expression (x-apigateway.md §16); an empty one means none.
    if (id.validation && !safeTest(id.validation, v))
      return { missing: `${id.location.toLowerCase()} ${id.name} (does not match its validation)` };
    values.push(v);
  }
  return { values };
}

async function buildEvent(ctx: RequestContext, def: AuthorizerDef): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const body = def.needBody === true && ctx.bodySource ? (await ctx.bodySource.read()).toString('utf8') : undefined;
  return {
    headers,
    queryStringParameters: firstQueryValues(ctx.query),
    pathParameters: ctx.hit?.pathParams ?? {},
    httpMethod: ctx.method,
    path: ctx.path,
    ...(body !== undefined ? { body } : {}),
    user_data: def.userData ?? '',
    requestContext: {
      apiId: ctx.hit?.api.id ?? '',
      requestId: ctx.requestId,
      stage: ctx.env ?? '',
      sourceIp: clientIpOf(ctx),
    },
  };
}

async function invoke(
  ctx: RequestContext,
  name: string,
  event: Record<string, unknown>,
  timeoutMs: number,
): Promise<unknown> {
  const impl = ctx.config.workspace.authorizers.find((a) => a.name === name);
  if (impl?.url !== undefined) {
    const res = await request(impl.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      ...(ctx.services.dispatcher ? { dispatcher: ctx.services.dispatcher } : {}),
    });
    const text = await res.body.text();
    if (res.statusCode < 200 || res.statusCode > 299) throw new Error(`${impl.url} answered ${res.statusCode}`);
    return text;
  }
  if (impl?.module === undefined)
    throw new Error(`authorizer ${name} has no local module or URL (apig.yaml authorizers)`);
  const handler = await ctx.services.functions.load(impl.module);
  const log =
    (level: string) =>
    (...args: unknown[]) =>
      ctx.services.emit({
        type: 'function-log',
        urn: name,
        requestId: ctx.requestId,
        level,
        message: args.map(String).join(' '),
      });
  const context = {
    getRequestID: () => ctx.requestId,
    getUserData: () => undefined,
    getLogger: () => ({ info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') }),
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_r, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([(async () => handler(event, context))(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the authorizer of `scheme` for this request: identity sources, cache, call, result. */
export async function runAuthorizer(
  ctx: RequestContext,
  scheme: SecurityScheme,
  kind: AuthorizerKindName,
): Promise<AuthorizerOutcome> {
  const def = scheme.authorizer as AuthorizerDef;
  const stage = kind === 'frontend' ? 'authentication' : 'backend-authorizer';
  const ids = kind === 'frontend' ? identityValues(ctx, def) : { values: [] };
  if ('missing' in ids) {
    traceStep(ctx, stage, `authorizer ${scheme.name}: identity source missing`, { missing: ids.missing });
    return {
      ok: false,
      failure: failure(
        'AUTHORIZER_IDENTITY_MISSING',
        `identity source ${ids.missing} of authorizer ${scheme.name} is missing`,
        { suffix: 'identity source not found' },
      ),
    };
  }
  const ttlMs = Math.min(def.ttl ?? 0, 3600) * 1000;
  // Identity sources are the cache key (002 §5.8.1); without any there is nothing to key on, so no cache.
  const key = ttlMs > 0 && ids.values.length > 0 ? JSON.stringify([kind, scheme.name, ...ids.values]) : undefined;
  const now = ctx.receivedAt;
  const hit = key !== undefined ? ctx.services.state.authorizerCache.get(key, now) : undefined;
  if (hit) return { ok: true, result: hit, cached: true };
  let raw: unknown;
  try {
    raw = await invoke(ctx, scheme.name, await buildEvent(ctx, def), def.timeout ?? DEFAULT_TIMEOUT_MS);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    traceStep(ctx, stage, `authorizer ${scheme.name} failed`, { why });
    return {
      ok: false,
      failure: failure('AUTHORIZER_ERROR', `authorizer ${scheme.name}: ${why}`, { suffix: `${kind} authorizer` }),
    };
  }
  const result = parseAuthorizerResult(raw, ctx.config.workspace.instance.authorizer_context_support_num_bool);
  if (typeof result === 'string') {
    traceStep(ctx, stage, `authorizer ${scheme.name} answered a malformed result`, { why: result });
    return {
      ok: false,
      failure: failure('AUTHORIZER_ERROR', `authorizer ${scheme.name}: ${result}`, { suffix: `${kind} authorizer` }),
    };
  }
  if (key !== undefined) ctx.services.state.authorizerCache.set(key, result, ttlMs, now);
  return { ok: true, result, cached: false };
}
