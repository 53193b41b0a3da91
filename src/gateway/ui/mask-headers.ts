/**
 * Credentials as the dashboard shows them (core/mask.ts: the first 3 characters and `***`): the values of the
 * headers that carry one or are named like one, the signature of an SDK-HMAC-SHA256 Authorization (its key and
 * signed headers stay readable), and query parameters named like a credential, also inside a trace's text.
 */
import { maskSecret } from '../../core/mask.js';
import type { TraceEvent } from '../request/trace.js';

/** Lower-case names of headers whose whole value is a credential (or carries one). */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-apig-appcode',
  'x-hw-appkey',
  'x-auth-token',
  'x-subject-token',
  'x-security-token',
  'cookie',
  'set-cookie',
]);

const SIGNED = /^(SDK-HMAC-SHA256\s.*Signature=)([^,\s]*)(.*)$/i;
const SCHEME = /^(Basic|Bearer)\s+(.*)$/i;
/** A header or query parameter named like a credential (`X-Api-Key`, `api_key`, `access_token`, `client_secret`). */
const CREDENTIAL_NAME = /secret|token|password|passwd|appcode|signature|api[-_]?key|access[-_]?key|^sk$/i;

export function maskHeaderValue(name: string, value: string): string {
  if (!CREDENTIAL_HEADERS.has(name.toLowerCase()) && !CREDENTIAL_NAME.test(name)) return value;
  const signed = SIGNED.exec(value);
  if (signed) return `${signed[1]}${maskSecret(signed[2] ?? '')}${signed[3]}`;
  const scheme = SCHEME.exec(value);
  return scheme ? `${scheme[1]} ${maskSecret(scheme[2] ?? '')}` : maskSecret(value);
}

/** Name, value pairs; array values become one pair each. */
export function maskedPairs(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    for (const one of typeof v === 'string' ? [v] : v) out.push([name, maskHeaderValue(name, one)]);
  }
  return out;
}

/** `[name, value, name, value...]` (rawHeaders, writeHead's list) as masked pairs. */
export function maskedRaw(raw: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    out.push([name, maskHeaderValue(name, raw[i + 1] as string)]);
  }
  return out;
}

/** A query string with the values of credential-like parameters masked (the rest as sent). */
export function maskQuery(query: string): string {
  if (query === '') return '';
  return query
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq === -1) return part;
      const name = part.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // kept as sent
      }
      return CREDENTIAL_NAME.test(decoded) ? `${name}=${maskSecret(part.slice(eq + 1))}` : part;
    })
    .join('&');
}

/** Every `?name=value` / `&name=value` in free text (a trace's `POST /path?api_key=...`), masked as maskQuery does. */
export function maskQueriesIn(text: string): string {
  if (!text.includes('=')) return text;
  return text.replace(/([?&])([^=&\s?#]+)=([^&\s#]*)/g, (whole, sep: string, name: string, value: string) => {
    const masked = maskQuery(`${name}=${value}`);
    return masked === `${name}=${value}` ? whole : `${sep}${masked}`;
  });
}

/** A trace with the credentials in its decisions and details masked (the request path writes them as they came). */
export function maskedTrace(trace: readonly TraceEvent[]): TraceEvent[] {
  const deep = (v: unknown): unknown => {
    if (typeof v === 'string') return maskQueriesIn(v);
    if (Array.isArray(v)) return v.map(deep);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          k,
          CREDENTIAL_NAME.test(k) && typeof x === 'string' ? maskSecret(x) : deep(x),
        ]),
      );
    return v;
  };
  return trace.map((t) => ({
    stage: t.stage,
    decision: maskQueriesIn(t.decision),
    ...(t.detail !== undefined ? { detail: deep(t.detail) as Record<string, unknown> } : {}),
  }));
}
