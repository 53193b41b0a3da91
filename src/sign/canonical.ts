/**
 * The canonical request of signing.md §3 steps 3–9, parameterised so that the verifier's lenient mode can
 * rebuild it the way each deviating client family does (§4.8). `STRICT` is the recommended spec.
 */
import {
  compareCodePoints, compareCodeUnits, decodeFormStyle, decodePercent, decodeUriKeepReserved, encodeUnreserved,
} from './percent.js';
import { trimOws, type HeaderBag } from './headers.js';

export interface CanonicalOptions {
  /** §3 step 4.2 decodes completely; APIG-JS uses `decodeURI`; core-nodejs does not decode. */
  pathDecode: 'full' | 'decodeURI' | 'none';
  /** §3 step 5.3 decodes `%XX` only; APIG-JS uses `decodeURI`; APIG-Java also turns `+` into a space. */
  queryDecode: 'full' | 'decodeURI' | 'form';
  /** §3 step 5.4 sorts decoded strings by code point; JS clients by UTF-16 unit; Java after encoding; legacy JS the joined `k=v`. */
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

const PLAIN_PATH = /^[A-Za-z0-9\-_.~/]*$/;

/** §3 step 4: decode, split on `/`, encode each segment, always end with `/`. */
export function canonicalUri(rawPath: string, decode: CanonicalOptions['pathDecode'] = 'full'): string {
  if (rawPath === '') return '/';
  let uri: string;
  if (PLAIN_PATH.test(rawPath)) {
    uri = rawPath;
  } else {
    const decoded = decode === 'full' ? decodePercent(rawPath) : decode === 'decodeURI' ? decodeUriKeepReserved(rawPath) : rawPath;
    uri = decoded.split('/').map(encodeUnreserved).join('/');
  }
  return uri.endsWith('/') ? uri : uri + '/';
}

const DECODERS: Record<CanonicalOptions['queryDecode'], (s: string) => string> = {
  full: decodePercent,
  decodeURI: decodeUriKeepReserved,
  form: decodeFormStyle,
};

/** §3 step 5: split on `&` and the first `=`, decode, sort, re-encode, always `k=v`. */
export function canonicalQuery(rawQuery: string, options: Pick<CanonicalOptions, 'queryDecode' | 'querySort' | 'emptyValue'> = STRICT): string {
  if (rawQuery === '') return '';
  const decode = DECODERS[options.queryDecode];
  const pairs: Array<[string, string]> = [];
  for (const item of rawQuery.split('&')) {
    if (item === '') continue;
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (key === '') continue;
    pairs.push([decode(key), eq < 0 ? '' : decode(item.slice(eq + 1))]);
  }
  const bare = options.emptyValue === 'bare';
  const join = (k: string, v: string): string => (bare && v === '' ? k : `${k}=${v}`);
  if (options.querySort === 'decoded' || options.querySort === 'decodedCodeUnits') {
    const cmp = options.querySort === 'decoded' ? compareCodePoints : compareCodeUnits;
    if (pairs.length > 1) pairs.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
    return pairs.map(([k, v]) => join(encodeUnreserved(k), encodeUnreserved(v))).join('&');
  }
  const encoded = pairs.map(([k, v]): [string, string] => [encodeUnreserved(k), encodeUnreserved(v)]);
  if (options.querySort === 'encoded') {
    encoded.sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]));
    return encoded.map(([k, v]) => join(k, v)).join('&');
  }
  return encoded.map(([k, v]) => join(k, v)).sort(compareCodeUnits).join('&');
}

/** §3 step 7: `name:trim(value)\n` for each signed name, in the given order. Missing names are skipped. */
export function canonicalHeaders(
  headers: HeaderBag,
  signedNames: readonly string[],
  options: Pick<CanonicalOptions, 'trimHeaderValues' | 'headerLineOrder'> = STRICT,
): string {
  const names = options.headerLineOrder === 'locale' ? [...signedNames].sort((a, b) => a.localeCompare(b)) : signedNames;
  let out = '';
  for (const name of names) {
    const field = headers.get(name.toLowerCase());
    if (!field) continue;
    out += `${name}:${options.trimHeaderValues ? trimOws(field.value) : field.value}\n`;
  }
  return out;
}

/** Sorts and de-duplicates lower-case names in byte order (§3 step 6; names are ASCII tokens). */
export function sortSignedNames(names: Iterable<string>): string[] {
  return [...new Set([...names].map((n) => n.toLowerCase()))].sort(compareCodeUnits);
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
