/**
 * Policy-backend conditions (002 §5.2.1 表5-10; x-apigateway.md §9.1; practices.md §4): sources `source` (the
 * client IP in a list of addresses, ranges or CIDR), `param` (a front-end request parameter), `system`
 * (reqPath/req_path, reqMethod/req_method, or another `$context` variable), `cookie` and `frontend_authorizer`
 * (a key of the front-end authorizer's context); types exact, enum (comma-separated, any equal) and pattern (a
 * regular expression the whole value must match: "只需要和正则表达式中任何一个值相同"). Compiled once per
 * configuration; request/conditions.ts says whether one holds for a request.
 */
import type { Condition, ConditionType } from '../../core/model.js';
import { compileIpList, type IpList } from './ip-list.js';

export interface CompiledCondition {
  source: Condition;
  type: ConditionType;
  values: string[];
  regex?: RegExp;
  ips?: IpList;
  /** How the trace names it, e.g. `frontend_authorizer authstatus1 exact False`. */
  text: string;
}

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
