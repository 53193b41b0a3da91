/**
 * The `X-Apig-RateLimit-*` headers of a debug response (ruling 5): `remain:9,limit:10,time:10 second` per counter
 * that has a documented header. The throttling stage keeps what it counted; the text is made only when a debug
 * response shows it.
 */
import type { Check } from './checks.js';

export interface RateLimitView {
  checks: readonly Check[];
  remain: readonly number[];
  /** The instance default counted beside a bound policy (refusing nothing). */
  soft: readonly Check[];
  softRemain: readonly number[];
}

export function rateLimitHeaders(view: RateLimitView): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const show = (c: Check, remain: number): void => {
    if (c.header !== undefined)
      out.push([`X-Apig-RateLimit-${c.header}`, `remain:${remain},limit:${c.limit},time:${c.label}`]);
  };
  for (const [i, c] of view.checks.entries()) show(c, view.remain[i] ?? 0);
  for (const [i, c] of view.soft.entries()) show(c, view.softRemain[i] ?? 0);
  return out;
}
