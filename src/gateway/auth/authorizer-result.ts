/**
 * A custom authorizer's result (practices.md §2.4): `{statusCode, body}` where `body` is a JSON string
 * `{"status": "allow"|"deny", "context": {...}}`, returned as an object (004 ch.3) or as that object in a JSON
 * string (004 ch.7, ch.10); we also take the `body` object itself. The decision comes from `body.status`, never
 * from `statusCode` (the ch.3 deny example answers statusCode 200). Context values must be strings unless the
 * instance enables `authorizer_context_support_num_bool` (004 ch.3 L513); objects, arrays and null never pass.
 */
import type { AuthContext } from './identity.js';
import { isRecord } from '../../oas/codec.js';

export interface AuthorizerResult {
  allow: boolean;
  context: AuthContext;
}

function parsed(v: unknown, what: string): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw new Error(`${what} is a string that is not JSON`);
  }
}

/** The result, or why it is malformed (answered as "custom auth configuration error"). */
export function parseAuthorizerResult(raw: unknown, numBool: boolean): AuthorizerResult | string {
  try {
    const outer = parsed(raw, 'the result');
    if (!isRecord(outer)) return `the result is ${outer === null ? 'null' : typeof outer}, not {statusCode, body}`;
    const body = 'body' in outer ? parsed(outer.body, 'body') : outer;
    if (!isRecord(body)) return 'body is not a JSON object';
    if (body.status !== 'allow' && body.status !== 'deny')
      return `body.status is ${JSON.stringify(body.status)}, not "allow" or "deny"`;
    const context: AuthContext = {};
    if (body.context !== undefined) {
      if (!isRecord(body.context)) return 'body.context is not an object';
      for (const [k, v] of Object.entries(body.context)) {
        if (typeof v === 'string') context[k] = v;
        else if ((typeof v === 'number' || typeof v === 'boolean') && numBool) context[k] = v;
        else if (typeof v === 'number' || typeof v === 'boolean')
          return (
            `context value ${k} is a ${typeof v}: ` +
            `only strings unless the instance enables authorizer_context_support_num_bool (Best Practices ch. 3)`
          );
        else
          return (
            `context value ${k} is ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}: ` +
            `values are strings (or booleans and numbers)`
          );
      }
    }
    return { allow: body.status === 'allow', context };
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
