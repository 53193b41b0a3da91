/**
 * The readings of a request path that matter for what reaches the backend (docs/serve.md, "Paths and values sent
 * to the backend"). The gateway routes on segments split at `/` and compares them percent-decoded, so `%2F` is
 * data inside a segment. Backends differ: many decode `%2E`, `%2F` and `%5C` before they route, and many treat
 * `\` as `/` (WHATWG URL parsing does both). The documents are silent on dot-segments; apig refuses a path that
 * has one in any of these readings rather than resolving it, so every reader sees the same path.
 */

/** A path segment as compared with the static text of APIs: percent-decoded when it can be. */
export function decodeSegment(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const SEPARATOR_ESCAPES = /%(2e|2f|5c)/gi;
const DECODED: Record<string, string> = { '2e': '.', '2f': '/', '5c': '\\' };
/** A whole `.` or `..` piece between separators (or the ends). */
const DOTS = /(?:^|[\\/])(\.\.?)(?=[\\/]|$)/;

/**
 * The first `.` or `..` segment of a path, or of a fragment sent in one (escapes as sent), as a backend that
 * decodes `%2E`, `%2F` and `%5C` and splits at `/` and `\` reads it; undefined when there is none.
 * `%252e` is not a dot: one decoding gives the text `%2e`.
 */
export function dotSegment(path: string): '.' | '..' | undefined {
  const read = path.includes('%')
    ? path.replace(SEPARATOR_ESCAPES, (_m, hex: string) => DECODED[hex.toLowerCase()] ?? '')
    : path;
  const m = DOTS.exec(read);
  return m ? (m[1] as '.' | '..') : undefined;
}

const SLASHES = /%2f|%5c|\\/gi;

/**
 * The path as a backend reads it that takes `%2F`, `%5C` and `\` for `/`, or undefined when that reading is the
 * gateway's own (none of them occurs).
 */
export function slashReading(path: string): string | undefined {
  if (!path.includes('%') && !path.includes('\\')) return undefined;
  const read = path.replace(SLASHES, '/');
  return read === path ? undefined : read;
}
