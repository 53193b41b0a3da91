/**
 * Backend request construction (ruling 2, the last stage before dispatch). From the caller's request and the
 * API's definition (or the chosen policy backend's):
 * - everything the caller sent passes through (002 §8.4.2 "透传"), minus hop-by-hop headers and parameters
 *   marked x-apigateway-pass-through: never (x-apigateway.md §19);
 * - defaults of absent optional parameters are added (002 §5.2.1 表5-6);
 * - backend parameters (002 §5.2.1 step 3–5, api-model.md §3.6–3.8): REQUEST maps a front-end parameter to
 *   another name/location and removes it from where it came (the 002 worked example), CONSTANT adds a fixed
 *   value, SYSTEM a `$context.*` value; PATH and QUERY values are percent-encoded per 002 §5.2.1 (request/encode.ts);
 * - a HEADER value HTTP cannot carry, or a PATH value that would add a `.`/`..` segment to the backend path,
 *   answers the request-parameter error naming the backend parameter and its source (request/backend-values.ts);
 * - the backend path's `{name}` placeholders are filled, and for prefix match the rest of the request path is
 *   appended (002 §5.2.1: /test/ → /test2/, /test/AA/CC → /test2/AA/CC).
 * `#var#` was substituted when the configuration was compiled (publish time, 002 §5.5.1). A policy backend
 * chosen by backend-policy.ts replaces the default backend and its parameters; a bound signature key signs the
 * call last (request/backend-sign.ts).
 */
import type { BackendParamLocation } from '../../../core/model.js';
import { declaredParam, equalsIgnoreCase, pathParamName } from '../../../core/defaults.js';
import { sentHost, type BackendCall } from '../backend-call.js';
import { signBackendCall } from '../backend-sign.js';
import { headerValueProblem, placeholderProblem, placeholderText } from '../backend-values.js';
import type { BackendPlan } from '../../backends/plan.js';
import { isFailure, wholeBody } from '../../auth/signed.js';
import { boundOf } from '../../compile/bindings.js';
import { currentBackend, requestHost, traceStep, type RequestContext } from '../context.js';
import { contextVariable } from '../context-vars.js';
import { encodeFor } from '../encode.js';
import { failure } from '../../response/errors.js';
import { dict } from '../query.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';

/** RFC 9110 §7.6.1 hop-by-hop headers, plus what the gateway itself consumes or sets. */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'expect',
  'x-apig-emulator-trace',
  'x-apig-call-depth',
]);

type Headers = Record<string, string | string[]>;

export function forwardedHeaders(raw: readonly string[]): Headers {
  // No prototype: a header may be named `constructor` or `__proto__` (a plain object mangled both).
  const headers = dict<string | string[]>();
  let dropped: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (name === 'connection') {
      for (const t of (raw[i + 1] as string).split(',')) (dropped ??= new Set()).add(t.trim().toLowerCase());
    }
    if (NOT_FORWARDED.has(name)) continue;
    const value = raw[i + 1] as string;
    const prev = headers[name];
    headers[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  if (dropped) for (const d of dropped) delete headers[d];
  return headers;
}

/** `{name}` and `{name+}` in the backend path. */
const PLACEHOLDER = /\{([^{}+]+)(\+?)\}/g;

function joinRemainder(path: string, remainder: string): string {
  if (remainder === '') return path;
  if (path.endsWith('/') && remainder.startsWith('/')) return path + remainder.slice(1);
  if (!path.endsWith('/') && !remainder.startsWith('/')) return `${path}/${remainder}`;
  return path + remainder;
}

export function backendRequest(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
  const out = buildCall(ctx);
  const key = boundOf(ctx).signatureKey;
  const plan = currentBackend(ctx)?.plan;
  if (out.kind !== 'next' || !key || !ctx.call || (plan?.type !== 'HTTP' && plan?.type !== 'HTTP-VPC')) return out;
  return sign(ctx, ctx.call, plan, key);
}

async function sign(
  ctx: RequestContext,
  call: BackendCall,
  plan: Extract<BackendPlan, { type: 'HTTP' | 'HTTP-VPC' }>,
  key: NonNullable<ReturnType<typeof boundOf>['signatureKey']>,
): Promise<StageOutcome> {
  const body = key.type === 'hmac' ? await wholeBody(ctx) : Buffer.alloc(0);
  if (isFailure(body)) return fail(body);
  const host = sentHost(call, plan.type === 'HTTP' ? plan.address : (plan.host ?? requestHost(ctx) ?? ''));
  const problem = signBackendCall(call, key, { scheme: plan.scheme, host }, body, new Date(ctx.receivedAt));
  if (problem) {
    traceStep(ctx, 'backend-request', 'signing failed', { why: problem.detail });
    return fail(problem);
  }
  if (ctx.trace)
    traceStep(ctx, 'backend-request', `signed with signature key ${key.name} (${key.type})`, { key: key.key });
  return NEXT;
}

function buildCall(ctx: RequestContext): StageOutcome {
  const hit = ctx.hit;
  const compiled = currentBackend(ctx);
  if (!hit || !compiled) return NEXT;
  if (compiled.problem) {
    traceStep(ctx, 'backend-request', 'cannot be built', { why: compiled.problem.detail });
    return fail(compiled.problem);
  }
  const plan = compiled.plan;
  if (!plan || plan.type === 'MOCK') {
    if (ctx.trace) traceStep(ctx, 'backend-request', 'none (the Mock backend answers in the gateway)');
    return NEXT;
  }
  const api = hit.api;
  const values = ctx.params ?? { path: dict(hit.pathParams), query: dict<string>(), header: dict<string>() };
  const headers = forwardedHeaders(ctx.rawHeaders);
  let pairs: Array<[string, string]> | undefined;
  /** Set when a parameter changed the query: it is then rebuilt from `pairs`, else sent as received. */
  let changed = false;
  const query = (): Array<[string, string]> => (pairs ??= [...new URLSearchParams(ctx.query)]);
  const remove = (loc: BackendParamLocation, name: string): void => {
    if (loc === 'HEADER') delete headers[name.toLowerCase()];
    else if (loc === 'QUERY' && query().some(([k]) => k === name)) {
      pairs = query().filter(([k]) => k !== name);
      changed = true;
    }
  };
  const pathParams = dict<string>();
  /** Where each backend PATH value came from (for a refusal's detail), and the front-end path parameter it is. */
  const pathSources = dict<{ from: string; front: string | undefined }>();
  let refusal: string | undefined;
  const place = (loc: BackendParamLocation, name: string, value: string, from: string, front?: string): void => {
    if (loc === 'PATH') {
      pathParams[name] = value;
      pathSources[name] = { from, front };
    } else if (loc === 'HEADER') {
      const problem = refusal === undefined ? headerValueProblem(value) : undefined;
      if (problem !== undefined) refusal = `backend parameter HEADER ${name} (from ${from}): ${problem}`;
      headers[name.toLowerCase()] = value;
    } else {
      pairs = [...query().filter(([k]) => k !== name), [name, value]];
      changed = true;
    }
  };
  const mapped: string[] = [];
  for (const p of api.params)
    if (p.passThrough === 'never' && p.location !== 'PATH') remove(p.location as BackendParamLocation, p.name);
  // Defaults of the optional parameters the caller left out; one sent empty stays as sent.
  if (values.defaulted)
    for (const p of values.defaulted) {
      if (p.passThrough === 'never') continue;
      if (p.location === 'QUERY' && !query().some(([k]) => k === p.name))
        place('QUERY', p.name, values.query[p.name] as string, p.name);
      else if (p.location === 'HEADER' && headers[p.name.toLowerCase()] === undefined)
        place('HEADER', p.name, values.header[p.name.toLowerCase()] as string, p.name);
    }
  for (const bp of ctx.chosen?.params ?? api.backendParams) {
    let value: string | undefined;
    let front: string | undefined;
    if (bp.origin === 'REQUEST') {
      const fp = declaredParam(api.params, bp.value);
      const loc = fp?.location ?? 'QUERY';
      value =
        loc === 'PATH'
          ? values.path[pathParamName(bp.value)]
          : loc === 'HEADER'
            ? values.header[bp.value.toLowerCase()]
            : (values.query[bp.value] ?? new URLSearchParams(ctx.query).get(bp.value) ?? undefined);
      if (loc === 'PATH') front = pathParamName(bp.value);
      // Header names are case-insensitive, query names are not (Extension Definitions:
      // x-apigateway-backend.parameters).
      const renamed =
        fp !== undefined &&
        (fp.location !== bp.location || (loc === 'HEADER' ? !equalsIgnoreCase(fp.name, bp.name) : fp.name !== bp.name));
      if (renamed && (loc === 'QUERY' || loc === 'HEADER')) remove(loc, fp.name);
      else if (
        fp &&
        value !== undefined &&
        // Still in the backend request (an earlier mapping may have moved it away).
        (loc === 'HEADER'
          ? headers[fp.name.toLowerCase()] !== undefined
          : loc === 'QUERY' && (pairs === undefined || pairs.some(([k]) => k === fp.name)))
      ) {
        // Mapped to itself: it stays as the caller sent it (repeated values, spelling, place), or as defaulted.
        if (ctx.trace) mapped.push(`REQUEST ${bp.value} → ${bp.location} ${bp.name} (as sent)`);
        continue;
      }
    } else if (bp.origin === 'CONSTANT') value = bp.value;
    else value = contextVariable(ctx, bp.value.replace(/^\$context\./, ''));
    if (value === undefined) continue;
    place(bp.location, bp.name, value, bp.origin === 'CONSTANT' ? 'a constant' : bp.value, front);
    if (ctx.trace)
      mapped.push(`${bp.origin} ${bp.origin === 'CONSTANT' ? '' : `${bp.value} `}→ ${bp.location} ${bp.name}`);
  }
  const template =
    plan.type === 'FUNCTION' ? ctx.path : plan.type === 'HTTP' || plan.type === 'HTTP-VPC' ? plan.path : '/';
  const filled =
    plan.type === 'FUNCTION'
      ? template
      : template.replace(PLACEHOLDER, (whole, name: string, plus: string) => {
          const v = pathParams[name] ?? values.path[name];
          if (v === undefined) return whole;
          // A `{name}` without a mapping takes the front-end path parameter of that name.
          const source = pathSources[name] ?? { from: name, front: name };
          const greedyFront = source.front !== undefined && source.front === hit.greedy?.name;
          // A front-end `{id}` value is the one segment the router matched, whatever placeholder it fills.
          const text = placeholderText(
            v,
            plus === '+' && (source.front === undefined || greedyFront),
            greedyFront ? hit.greedy?.asSent : undefined,
          );
          const problem = refusal === undefined ? placeholderProblem(text) : undefined;
          if (problem !== undefined) refusal = `backend parameter PATH ${name} (from ${source.from}): ${problem}`;
          return text;
        });
  if (refusal !== undefined) {
    traceStep(ctx, 'backend-request', 'refused', { why: refusal });
    return fail(failure('PARAMETER_INVALID', refusal));
  }
  const path = plan.type === 'FUNCTION' ? filled : joinRemainder(filled, hit.remainder);
  const written = plan.type === 'HTTP' || plan.type === 'HTTP-VPC' ? plan.method : 'ANY';
  const method = written === 'ANY' ? ctx.method : written;
  const call: BackendCall = {
    method,
    path,
    headers,
    pathParams: Object.assign(dict<string>(), values.path, pathParams),
    query:
      pairs === undefined || !changed
        ? ctx.query
        : pairs.map(([k, v]) => `${encodeFor('QUERY', k)}=${encodeFor('QUERY', v)}`).join('&'),
  };
  ctx.call = call;
  if (ctx.trace) {
    traceStep(ctx, 'backend-request', `${method} ${call.query === '' ? path : `${path}?${call.query}`}`, {
      backend: plan.type,
      headers: Object.keys(headers),
      ...(mapped.length > 0 ? { mapped } : {}),
      ...(hit.remainder !== '' ? { remainderAppended: hit.remainder } : {}),
    });
  }
  return NEXT;
}
