/**
 * Whether a policy-backend condition holds for a request (compiled in compile/conditions.ts, which also says
 * what the sources and types mean). An absent value matches nothing. Authorizer booleans compare
 * case-insensitively with the condition text (004 §10.4 matched `False` against JSON false), numbers
 * numerically, strings exactly; the method case-insensitively.
 */
import type { Condition } from '../../core/model.js';
import { pathParamName } from '../../core/defaults.js';
import type { CompiledCondition } from '../compile/conditions.js';
import { ipListed } from '../compile/ip-list.js';
import { clientIpOf } from './client-ip.js';
import { headerValue, type RequestContext } from './context.js';
import { contextVariable } from './context-vars.js';

const AUTHORIZER_PREFIX = '$context.authorizer.frontend.';

function cookie(ctx: RequestContext, name: string): string | undefined {
  const header = headerValue(ctx.headers, 'cookie');
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function requestParam(ctx: RequestContext, name: string): string | undefined {
  // A greedy PATH parameter declared as `p+` binds `p`: a condition may name it either way.
  const declared = ctx.hit?.api.params.find(
    (p) =>
      p.name === name ||
      p.name.toLowerCase() === name.toLowerCase() ||
      (p.location === 'PATH' && pathParamName(p.name) === pathParamName(name)),
  );
  const values = ctx.params;
  if (declared?.location === 'PATH')
    return values?.path[pathParamName(declared.name)] ?? ctx.hit?.pathParams[declared.name];
  if (declared?.location === 'HEADER')
    return values?.header[declared.name.toLowerCase()] ?? headerValue(ctx.headers, declared.name.toLowerCase());
  return (
    values?.query[name] ??
    new URLSearchParams(ctx.query).get(name) ??
    (declared ? undefined : headerValue(ctx.headers, name.toLowerCase()))
  );
}

type Actual = string | number | boolean;

function actualValue(ctx: RequestContext, c: Condition): Actual | undefined {
  const name = c.parameter ?? '';
  switch (c.origin) {
    case 'param':
      return requestParam(ctx, name);
    case 'cookie':
      return cookie(ctx, name);
    case 'frontend_authorizer':
      return ctx.authorizer?.frontend?.[
        name.startsWith(AUTHORIZER_PREFIX) ? name.slice(AUTHORIZER_PREFIX.length) : name
      ];
    case 'system': {
      const n = name.replace(/^\$context\./, '');
      if (n === 'reqPath' || n === 'req_path') return ctx.path;
      if (n === 'reqMethod' || n === 'req_method') return ctx.method;
      return contextVariable(ctx, n);
    }
    case 'source':
      return clientIpOf(ctx);
  }
}

function equal(actual: Actual, expected: string, caseless: boolean): boolean {
  if (typeof actual === 'boolean') return expected.trim().toLowerCase() === String(actual);
  if (typeof actual === 'number') return expected.trim() !== '' && Number(expected) === actual;
  return caseless ? actual.toLowerCase() === expected.toLowerCase() : actual === expected;
}

export function conditionHolds(ctx: RequestContext, c: CompiledCondition): boolean {
  if (c.ips) return ipListed(c.ips, clientIpOf(ctx));
  const actual = actualValue(ctx, c.source);
  if (actual === undefined) return false;
  if (c.regex) return c.regex.test(String(actual));
  const caseless = c.source.origin === 'system' && /^req_?method$/i.test(c.source.parameter ?? '');
  return c.values.some((v) => equal(actual, v, caseless));
}
