/**
 * The canonical request of signing.md §3 steps 3–9, parameterised so that the verifier's lenient mode can
 * rebuild it the way each deviating client family does (§4.8). `STRICT` is the recommended spec.
 */
import {
  compareCodePoints,
  compareCodeUnits,
  decodeFormStyle,
  decodePercent,
  decodeUriKeepReserved,
  encodeUnreserved,
  sortSmall,
} from './percent.js';
import { trimOws, type HeaderBag } from './headers.js';
import { isPlainPath, isPlainQuery } from './chars.js';

export interface CanonicalOptions {
  /** §3 step 4.2 decodes completely; APIG-JS uses `decodeURI`; core-nodejs does not decode. */
  pathDecode: 'full' | 'decodeURI' | 'none';
  /** §3 step 5.3 decodes `%XX` only; APIG-JS uses `decodeURI`; APIG-Java also turns `+` into a space. */
  queryDecode: 'full' | 'decodeURI' | 'form';
  /**
   * §3 step 5.4 sorts decoded strings by code point; JS clients by UTF-16 unit; Java after encoding;
   * legacy JS the joined `k=v`.
   */
  querySort: 'decoded' | 'decodedCodeUnits' | 'encoded' | 'joined';
  /** §3 step 5.5 always writes `k=`; legacy APIG-JS writes a bare `k`. */
  emptyValue: 'equals' | 'bare';
  /** §3 step 7 trims SP/HTAB; core-nodejs does not. */
  trimHeaderValues: boolean;
  /** Lines follow SignedHeaders; core-nodejs sorts the lines with `localeCompare` (signing.md §5). */
  headerLineOrder: 'signed' | 'locale';
}

export const STRICT: CanonicalOptions = {
  pathDecode: 'full',
  queryDecode: 'full',
  querySort: 'decoded',
  emptyValue: 'equals',
  trimHeaderValues: true,
  headerLineOrder: 'signed',
};

const MAY_NEED_CODE_POINTS = /[%\uD800-\uFFFF]/;

/** §3 step 4: decode, split on `/`, encode each segment, always end with `/`. */
export function canonicalUri(rawPath: string, decode: CanonicalOptions['pathDecode'] = 'full'): string {
  if (rawPath === '') return '/';
  let uri: string;
  if (isPlainPath(rawPath)) {
    uri = rawPath;
  } else {
    const decoded =
      decode === 'full' ? decodePercent(rawPath) : decode === 'decodeURI' ? decodeUriKeepReserved(rawPath) : rawPath;
    uri = decoded.split('/').map(encodeUnreserved).join('/');
  }
  return uri.endsWith('/') ? uri : `${uri}/`;
}

const DECODERS: Record<CanonicalOptions['queryDecode'], (s: string) => string> = {
  full: decodePercent,
  decodeURI: decodeUriKeepReserved,
  form: decodeFormStyle,
};

function splitPairs(rawQuery: string, decode: (s: string) => string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  // An indexOf scan: String.prototype.split showed up as the top cost in profiles of bench/sign.bench.mjs.
  for (let from = 0; from <= rawQuery.length; ) {
    const amp = rawQuery.indexOf('&', from);
    const to = amp < 0 ? rawQuery.length : amp;
    const item = rawQuery.slice(from, to);
    from = to + 1;
    if (item === '') continue;
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (key === '') continue;
    pairs.push([decode(key), eq < 0 ? '' : decode(item.slice(eq + 1))]);
  }
  return pairs;
}

const byCodeUnits = (a: [string, string], b: [string, string]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
const byCodePoints = (a: [string, string], b: [string, string]): number =>
  compareCodePoints(a[0], b[0]) || compareCodePoints(a[1], b[1]);

/**
 * Orders `k=v` items of a simple query by key, then value, without splitting them: the first `=` ends the key,
 * so it ranks below every character (valid only when no value holds another `=`).
 */
function byItem(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return (x === 0x3d ? -1 : x) - (y === 0x3d ? -1 : y);
  }
  return a.length - b.length;
}

/** Only unreserved characters, `=` and `&`, at most one `=` per item: nothing to decode or encode. */
function simpleQuery(rawQuery: string): string | undefined {
  const items: string[] = [];
  for (let from = 0; from <= rawQuery.length; ) {
    const amp = rawQuery.indexOf('&', from);
    const to = amp < 0 ? rawQuery.length : amp;
    const found = rawQuery.indexOf('=', from);
    const eq = found >= 0 && found < to ? found : -1;
    // Empty items and empty keys are dropped (§3 step 5.1); a bare key means an empty value (5.2).
    if (to > from && eq !== from) {
      const second = eq < 0 ? -1 : rawQuery.indexOf('=', eq + 1);
      if (second >= 0 && second < to) return undefined;
      items.push(eq < 0 ? `${rawQuery.slice(from, to)}=` : rawQuery.slice(from, to));
    }
    from = to + 1;
  }
  sortSmall(items, byItem);
  let out = items[0] ?? '';
  for (let i = 1; i < items.length; i++) out += `&${items[i]}`;
  return out;
}

/** §3 step 5 as specified: the hot path of every signature, so written without option dispatch. */
function strictQuery(rawQuery: string): string {
  if (isPlainQuery(rawQuery)) {
    const simple = simpleQuery(rawQuery);
    if (simple !== undefined) return simple;
  }
  const pairs = splitPairs(rawQuery, decodePercent);
  // Code-unit order equals code-point order unless a surrogate or U+E000–U+FFFF can appear (escapes may decode to one).
  if (pairs.length > 1) sortSmall(pairs, MAY_NEED_CODE_POINTS.test(rawQuery) ? byCodePoints : byCodeUnits);
  let out = '';
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i] as [string, string];
    out += `${(i === 0 ? '' : '&') + encodeUnreserved(p[0])}=${encodeUnreserved(p[1])}`;
  }
  return out;
}

/** §3 step 5: split on `&` and the first `=`, decode, sort, re-encode, always `k=v`. */
export function canonicalQuery(
  rawQuery: string,
  options: Pick<CanonicalOptions, 'queryDecode' | 'querySort' | 'emptyValue'> = STRICT,
): string {
  if (rawQuery === '') return '';
  if (options.queryDecode === 'full' && options.querySort === 'decoded' && options.emptyValue === 'equals')
    return strictQuery(rawQuery);
  const pairs = splitPairs(rawQuery, DECODERS[options.queryDecode]);
  const bare = options.emptyValue === 'bare';
  const join = (k: string, v: string): string => (bare && v === '' ? k : `${k}=${v}`);
  if (options.querySort === 'decoded' || options.querySort === 'decodedCodeUnits') {
    pairs.sort(options.querySort === 'decoded' ? byCodePoints : byCodeUnits);
    return pairs.map(([k, v]) => join(encodeUnreserved(k), encodeUnreserved(v))).join('&');
  }
  const encoded = pairs.map(([k, v]): [string, string] => [encodeUnreserved(k), encodeUnreserved(v)]);
  if (options.querySort === 'encoded') {
    encoded.sort(byCodeUnits);
    return encoded.map(([k, v]) => join(k, v)).join('&');
  }
  return encoded
    .map(([k, v]) => join(k, v))
    .sort(compareCodeUnits)
    .join('&');
}

/** §3 step 7: `name:trim(value)\n` for each signed name, in the given order. Missing names are skipped. */
export function canonicalHeaders(
  headers: HeaderBag,
  signedNames: readonly string[],
  options: Pick<CanonicalOptions, 'trimHeaderValues' | 'headerLineOrder'> = STRICT,
): string {
  const names =
    options.headerLineOrder === 'locale' ? [...signedNames].sort((a, b) => a.localeCompare(b)) : signedNames;
  let out = '';
  for (const name of names) {
    const field = headers.get(name) ?? headers.get(name.toLowerCase()); // the signer's names are already lower-case
    if (!field) continue;
    out += `${name}:${options.trimHeaderValues ? trimOws(field.value) : field.value}\n`;
  }
  return out;
}

/** Sorts and de-duplicates lower-case names in byte order (§3 step 6; names are ASCII tokens). */
export function sortSignedNames(names: Iterable<string>): string[] {
  return [...new Set([...names].map((n) => n.toLowerCase()))].sort(compareCodeUnits);
}

/** `names.join(';')` without Array.prototype.join, which profiles showed to be slow on the hot path. */
export function joinNames(names: readonly string[]): string {
  let out = names[0] ?? '';
  for (let i = 1; i < names.length; i++) out += `;${names[i]}`;
  return out;
}

export interface CanonicalParts {
  method: string;
  uri: string;
  query: string;
  headers: string;
  signedHeaders: string;
  payloadHash: string;
}

/** §3 step 9: canonicalHeaders already ends with `\n`, hence the blank line; no trailing newline. */
export function joinCanonicalRequest(p: CanonicalParts): string {
  return `${p.method}\n${p.uri}\n${p.query}\n${p.headers}\n${p.signedHeaders}\n${p.payloadHash}`;
}

/** §3 step 10. */
export function stringToSign(sdkDate: string, canonicalRequestHash: string): string {
  return `SDK-HMAC-SHA256\n${sdkDate}\n${canonicalRequestHash}`;
}
