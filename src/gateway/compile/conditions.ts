/**
 * Policy-backend conditions (002 §5.2.1 表5-10; x-apigateway.md §9.1; practices.md §4): sources `source` (the
 * client IP in a list of addresses, ranges or CIDR), `param` (a front-end request parameter), `system`
 * (reqPath/req_path, reqMethod/req_method, or another `$context` variable), `cookie` and `frontend_authorizer`
 * (a key of the front-end authorizer's context); types exact, enum (comma-separated, any equal) and pattern (a
 * regular expression the whole value must match: "只需要和正则表达式中任何一个值相同"). An absent value matches
 * nothing. Authorizer booleans compare case-insensitively with the condition text (004 §10.4 matched `False`
 * against JSON false), numbers numerically, strings exactly; the method case-insensitively.
 */
import type { Condition, ConditionType } from '../../core/model.js';
import { pathParamName } from '../../core/defaults.js';
import { clientIpOf } from '../client-ip.js';
import { headerValue, type RequestContext } from '../context.js';
import { contextVariable } from '../context-vars.js';
import { compileIpList, ipListed, type IpList } from '../ip-list.js';

export interface CompiledCondition {
  source: Condition;
  type: ConditionType;
  values: string[];
  regex?: RegExp;
  ips?: IpList;
  /** How the trace names it, e.g. `frontend_authorizer authstatus1 exact False`. */
  text: string;
}

const AUTHORIZER_PREFIX = '$context.authorizer.frontend.';

/** The condition, or why it cannot be used (a pattern that does not compile). */
export function compileCondition(c: Condition): CompiledCondition | string {
  const type = c.type ?? 'exact';
  const text = `${c.origin}${c.parameter ? ` ${c.parameter}` : ''} ${c.origin === 'source' ? 'in' : type} ${c.value}`;
  if (c.origin === 'source') return { source: c, type, values: [], ips: compileIpList([c.value]), text };
  const values = type === 'enum' ? c.value.split(',').map((v) => v.trim()) : [c.value];
  if (type !== 'pattern') return { source: c, type, values, text };
  try {
    return { source: c, type, values, regex: new RegExp(`^(?:${c.value})$`), text };
  } catch (err) {
    return `pattern ${JSON.stringify(c.value)}: ${err instanceof Error ? err.message : String(err)}`;
  }
}

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
  const declared = ctx.hit?.api.params.find((p) => p.name === name || p.name.toLowerCase() === name.toLowerCase());
  const values = ctx.params;
  if (declared?.location === 'PATH') return values?.path[pathParamName(declared.name)] ?? ctx.hit?.pathParams[declared.name];
  if (declared?.location === 'HEADER') return values?.header[declared.name.toLowerCase()] ?? headerValue(ctx.headers, declared.name.toLowerCase());
  return values?.query[name] ?? new URLSearchParams(ctx.query).get(name) ?? (declared ? undefined : headerValue(ctx.headers, name.toLowerCase()));
}

type Actual = string | number | boolean;

function actualValue(ctx: RequestContext, c: Condition): Actual | undefined {
  const name = c.parameter ?? '';
  switch (c.origin) {
    case 'param': return requestParam(ctx, name);
    case 'cookie': return cookie(ctx, name);
    case 'frontend_authorizer': return ctx.authorizer?.frontend?.[name.startsWith(AUTHORIZER_PREFIX) ? name.slice(AUTHORIZER_PREFIX.length) : name];
    case 'system': {
      const n = name.replace(/^\$context\./, '');
      if (n === 'reqPath' || n === 'req_path') return ctx.path;
      if (n === 'reqMethod' || n === 'req_method') return ctx.method;
      return contextVariable(ctx, n);
    }
    case 'source': return clientIpOf(ctx);
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
