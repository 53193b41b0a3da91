/**
 * Credentials as the dashboard shows them (core/mask.ts: the first 3 characters and `***`): the values of the
 * headers that carry one or are named like one, the signature of an SDK-HMAC-SHA256 Authorization (its key and
 * signed headers stay readable). Query strings and traces: core/mask.ts maskQuery, request/trace.ts maskedTrace.
 */
import { CREDENTIAL_NAME, maskSecret } from '../../core/mask.js';

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
