import { isWireSafePath } from './chars.js';

/**
 * What goes on the wire (signing.md §3 step 13): a path that percent-decodes to the signed path, the canonical
 * query string as the query (no raw `+`, no raw reserved characters), so every verifier variant agrees.
 */

/** RFC 3986 pchar plus `/`, without `%` (handled separately). */
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

/**
 * Keeps valid characters and existing `%XX` escapes of the raw path, encodes the rest (spaces, `文件`, a stray `%`).
 * Decoding the result gives the same string as decoding the raw path, so the signed canonical URI is unchanged.
 */
export function wirePath(rawPath: string): string {
  if (rawPath === '') return '/';
  if (isWireSafePath(rawPath)) return rawPath;
  let out = '';
  for (let i = 0; i < rawPath.length; i++) {
    const c = rawPath[i] as string;
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(rawPath.slice(i + 1, i + 3))) {
      out += c;
    } else if (PATH_SAFE.test(c)) {
      out += c;
    } else {
      const cp = rawPath.codePointAt(i) ?? 0;
      if (cp > 0xffff) i++;
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8'))
        out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/** Request target: wire path plus `?query` when the query is not empty. */
export function requestTarget(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}
