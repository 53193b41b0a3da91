/** RFC 6901 JSON pointers. */
export function escapeSegment(s: string): string {
  // Most segments need no escaping: skip the regular expressions (pointers are built on every hot path).
  if (s.indexOf('~') === -1 && s.indexOf('/') === -1) return s;
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(s: string): string {
  if (s.indexOf('~') === -1) return s;
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointer(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${escapeSegment(String(s))}`).join('');
}

export function join(base: string, ...segments: ReadonlyArray<string | number>): string {
  return base + pointer(...segments);
}

/**
 * Splits a pointer into segments. Only the URI-fragment form (`#/a/b`, as in `$ref`) is percent-decoded
 * (RFC 6901 §6); a plain pointer is taken literally, so a key such as `100%` or `%41` keeps its meaning.
 * A malformed percent escape in a fragment is kept as written rather than thrown.
 */
export function parsePointer(p: string): string[] {
  if (p === '' || p === '#') return [];
  const fragment = p.startsWith('#');
  const body = fragment ? p.slice(1) : p;
  return body
    .split('/')
    .slice(1)
    .map((s) => unescapeSegment(fragment ? percentDecode(s) : s));
}

function percentDecode(s: string): string {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
