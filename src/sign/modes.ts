/**
 * The other APP-auth modes and IAM token auth (errors-and-limits.md §8.5, practices.md): plain headers,
 * no signature. Their values are credentials, so printers must mask them (`maskSecret`).
 */
import { maskSecret } from '../core/mask.js';

export type AuthMode = 'signature' | 'appcode' | 'app-secret' | 'basic' | 'token';

export interface ModeHeaders {
  headers: Array<[string, string]>;
  /** Lower-case names of headers whose value is a credential. */
  secretHeaders: string[];
}

/** Simple authentication: the gateway checks only the AppCode, HTTPS only (002 §1.6). */
export function appCodeHeaders(appCode: string): ModeHeaders {
  return { headers: [['X-Apig-AppCode', appCode]], secretHeaders: ['x-apig-appcode'] };
}

/** `app_secret` mode: Key and Secret in headers; needs the instance parameter `app_secret` = on (003). */
export function appSecretHeaders(key: string, secret: string): ModeHeaders {
  return {
    headers: [
      ['X-HW-ID', key],
      ['X-HW-AppKey', secret],
    ],
    secretHeaders: ['x-hw-appkey'],
  };
}

/**
 * `app_basic` mode: `Authorization: Basic base64(key:secret)`; needs `app_basic` = on (003). 003 prints the formula
 * without a space after "Basic"; we send the standard form with one (practices.md emulator note).
 */
export function basicHeaders(key: string, secret: string): ModeHeaders {
  return {
    headers: [['Authorization', `Basic ${Buffer.from(`${key}:${secret}`, 'utf8').toString('base64')}`]],
    secretHeaders: ['authorization'],
  };
}

/** IAM token authentication: `X-Auth-Token` (003). */
export function tokenHeaders(token: string): ModeHeaders {
  return { headers: [['X-Auth-Token', token]], secretHeaders: ['x-auth-token'] };
}

/** Masks the values of credential headers (`Basic` keeps its scheme word). */
export function maskHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
  secretHeaders: readonly string[],
): Array<[string, string]> {
  return headers.map(([name, value]): [string, string] => {
    if (!secretHeaders.includes(name.toLowerCase())) return [name, value];
    const basic = /^Basic\s+(.*)$/.exec(value);
    return [name, basic ? `Basic ${maskSecret(basic[1] ?? '')}` : maskSecret(value)];
  });
}
