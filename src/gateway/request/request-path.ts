/**
 * The readings of a request path that matter for what reaches the backend (docs/serve.md, "Paths and values sent
 * to the backend"). The gateway routes on segments split at `/` and compares them percent-decoded, so `%2F` is
 * data inside a segment. Backends differ, and the documents are silent on dot-segments; apig refuses a path that
 * has one in the most liberal reading any common backend makes, rather than resolving it, so every reader sees
 * the same path. That reading (liberalSegments):
 * - decodes percent-escapes once, the IIS `%uXXXX` form too, and the bytes as a lax UTF-8 decoder does
 *   (overlong forms such as `%C0%AE` for `.` and `%C0%AF` for `/` accepted, as old IIS and Tomcat did);
 * - folds compatibility characters (NFKC: the fullwidth `．` and `／`, the one-dot leader `․`, ...);
 * - splits at `/` and `\` (WHATWG URL parsing, Windows servers);
 * - ends a segment at `;` (path parameters: Tomcat and Jetty read `..;x` as `..`) and at NUL (C strings).
 * `%252e` stays the text `%2e` (one decoding), never a dot.
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

const HEX = /^[0-9a-fA-F]{2}$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** UTF-8 bytes of one code point. */
function pushUtf8(bytes: number[], cp: number): void {
  if (cp < 0x80) bytes.push(cp);
  else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/** The bytes a path stands for after one percent-decoding (`%XX`, and IIS's `%uXXXX` as that code point). */
function decodedBytes(s: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i) ?? 0;
    if (c === 0x25) {
      const two = s.slice(i + 1, i + 3);
      if (HEX.test(two)) {
        bytes.push(Number.parseInt(two, 16));
        i += 2;
        continue;
      }
      const four = s.slice(i + 2, i + 6);
      if ((s[i + 1] === 'u' || s[i + 1] === 'U') && HEX4.test(four)) {
        pushUtf8(bytes, Number.parseInt(four, 16));
        i += 5;
        continue;
      }
    }
    pushUtf8(bytes, c);
    if (c > 0xffff) i++;
  }
  return bytes;
}

/**
 * UTF-8 as a lax decoder reads it: overlong forms are accepted (`C0 AE` is `.`), and after the lead bytes C0 and
 * C1, which only ever start an overlong form, the next byte counts whatever its top bits (IIS read `C1 1C` as
 * `\`). Anything else that is not UTF-8 becomes U+FFFD.
 */
function laxUtf8(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      continue;
    }
    if ((b === 0xc0 || b === 0xc1) && i + 1 < bytes.length) {
      out += String.fromCharCode(((b & 0x1f) << 6) | ((bytes[++i] as number) & 0x3f));
      continue;
    }
    const n = b >= 0xf0 && b <= 0xf7 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    let cp = n === 3 ? b & 0x07 : n === 2 ? b & 0x0f : b & 0x1f;
    let ok = n > 0 && i + n < bytes.length;
    for (let k = 1; ok && k <= n; k++) {
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (next & 0x3f);
    }
    if (!ok || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      continue;
    }
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}

/** Nothing in the path that the liberal reading could read differently from the text as sent. */
const PLAIN = /^[^%\\;\u0000\u0080-\uffff]*$/;
const SEPARATORS = /[\\/]/;

/**
 * The segments of a path (or of a fragment sent in one, escapes as sent) in the most liberal reading (see the
 * top of this file). Empty segments are kept: `//` gives an empty one.
 */
export function liberalSegments(path: string): string[] {
  const text = PLAIN.test(path) ? path : laxUtf8(decodedBytes(path)).normalize('NFKC');
  return text.split(SEPARATORS).map((s) => {
    const end = s.search(/[;\u0000]/);
    return end === -1 ? s : s.slice(0, end);
  });
}

/**
 * The first `.` or `..` segment of a path, or of a fragment sent in one, in the liberal reading; undefined when
 * there is none.
 */
export function dotSegment(path: string): '.' | '..' | undefined {
  // The common case, on every request: nothing to decode and no dot at all.
  if (!path.includes('.') && PLAIN.test(path)) return undefined;
  for (const s of liberalSegments(path)) if (s === '.' || s === '..') return s;
  return undefined;
}

/**
 * The path as the liberal reading sees it, for the router (each segment's `%` escaped, so that the router's own
 * decoding gives the segment back), with `//` read as `/` as most servers merge them; undefined when that reading
 * is the gateway's own.
 */
export function liberalReading(path: string): string | undefined {
  if (PLAIN.test(path) && !path.includes('//')) return undefined;
  const segments = liberalSegments(path);
  const kept = segments.filter((s, i) => s !== '' || i === 0 || i === segments.length - 1);
  const read = kept.map((s) => s.replaceAll('%', '%25')).join('/');
  return read === path ? undefined : read;
}
