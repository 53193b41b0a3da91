/**
 * The requests the verifier accepted last, by their `Authorization` value: a request that repeats one of them
 * exactly (a client re-sending, or a load test: the SDKs' dates have one-second resolution) is accepted without
 * parsing, canonicalising and hashing again. The strict verdict is a pure function of the method, the raw path
 * and query, the signed headers' values, the body, the `Authorization` value and the key's secret (signing.md §3
 * and §4), so a request is recognised only when every one of these is the same as in the request remembered;
 * the clock-skew check depends on the time of arrival and is made again every time. Only strict successes over
 * an empty body are kept (a body's hash would cost what the memo saves), so every refusal, lenient match and
 * body is verified in full.
 */
import type { HeaderBag } from './headers.js';

/** Entries kept; past it the oldest goes. */
export const VERIFIED_MEMO_SIZE = 1024;
/** Requests whose remembered inputs would be longer than this are not kept. */
const MAX_KEPT_CHARS = 8192;

export interface Accepted {
  ok: true;
  key: string;
  signedHeaders: string[];
  canonicalRequest: string;
}

interface Entry {
  method: string;
  rawPath: string;
  rawQuery: string;
  /** The signed headers' values as the bag holds them, in `accepted.signedHeaders` order. */
  values: string[];
  secret: string;
  /** X-Sdk-Date as epoch milliseconds. */
  signedAt: number;
  accepted: Accepted;
}

const memo = new Map<string, Entry>();

export interface Repeat {
  authorization: string;
  method: string;
  rawPath: string;
  rawQuery: string;
  bodyLength: number;
  bag: HeaderBag;
}

/**
 * The remembered acceptance of exactly this request, or undefined (then it is verified in full). `skewOk`
 * judges the remembered signing time against the time of arrival.
 */
export function acceptedBefore(
  r: Repeat,
  lookupSecret: (key: string) => string | undefined,
  skewOk: (signedAt: number) => boolean,
): Accepted | undefined {
  if (r.bodyLength !== 0) return undefined;
  const e = memo.get(r.authorization);
  if (e === undefined || e.method !== r.method || e.rawPath !== r.rawPath || e.rawQuery !== r.rawQuery)
    return undefined;
  const names = e.accepted.signedHeaders;
  for (let i = 0; i < names.length; i++) {
    if (r.bag.get((names[i] as string).toLowerCase())?.value !== e.values[i]) return undefined;
  }
  if (lookupSecret(e.accepted.key) !== e.secret || !skewOk(e.signedAt)) return undefined;
  return e.accepted;
}

/** Remembers a strict acceptance of a request with an empty body. */
export function rememberAccepted(r: Repeat, secret: string, signedAt: number, accepted: Accepted): void {
  if (r.bodyLength !== 0) return;
  const values: string[] = [];
  let chars = r.authorization.length + r.rawPath.length + r.rawQuery.length;
  for (const name of accepted.signedHeaders) {
    const value = r.bag.get(name.toLowerCase())?.value;
    if (value === undefined) return;
    values.push(value);
    chars += value.length;
  }
  if (chars > MAX_KEPT_CHARS) return;
  if (!memo.has(r.authorization) && memo.size >= VERIFIED_MEMO_SIZE) {
    const oldest = memo.keys().next();
    if (oldest.done !== true) memo.delete(oldest.value);
  }
  memo.set(r.authorization, {
    method: r.method,
    rawPath: r.rawPath,
    rawQuery: r.rawQuery,
    values,
    secret,
    signedAt,
    accepted,
  });
}

/** How many acceptances are remembered (tests: the memo stays bounded). */
export function verifiedMemoSize(): number {
  return memo.size;
}
