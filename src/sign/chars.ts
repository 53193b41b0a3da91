/**
 * Character-class checks written as loops: on the short strings of one request they beat a RegExp call,
 * which profiles of bench/sign.bench.mjs showed as a fixed cost per call.
 */

/** Bit flags per ASCII code: what each character may be in a path or a query without encoding. */
const UNRESERVED = 1; // A-Z a-z 0-9 - _ . ~ (signing.md §3 step 4.3)
const SLASH = 2;
const PCHAR_EXTRA = 4; // ! $ & ' ( ) * + , ; = : @ — valid in a request-target path (RFC 3986), re-encoded when signed
const QUERY_PLAIN_EXTRA = 8; // = &
const REG_NAME = 16; // RFC 3986 reg-name: unreserved, %, sub-delims

const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9\-_.~]/.test(ch)) CLASS[c] = (CLASS[c] ?? 0) | UNRESERVED;
  if (ch === '/') CLASS[c] = (CLASS[c] ?? 0) | SLASH;
  if ("!$&'()*+,;=:@".includes(ch)) CLASS[c] = (CLASS[c] ?? 0) | PCHAR_EXTRA;
  if (ch === '=' || ch === '&') CLASS[c] = (CLASS[c] ?? 0) | QUERY_PLAIN_EXTRA;
  if (/[A-Za-z0-9\-_.~%!$&'()*+,;=]/.test(ch)) CLASS[c] = (CLASS[c] ?? 0) | REG_NAME;
}

function isRegNameChar(c: number): boolean {
  return c < 128 && ((CLASS[c] ?? 0) & REG_NAME) !== 0;
}

/** RFC 7230 tchar: a valid header name or method. */
export function isToken(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2d ||
      c === 0x21 ||
      (c >= 0x23 && c <= 0x27) ||
      c === 0x2a ||
      c === 0x2b ||
      c === 0x2e ||
      c === 0x5e ||
      c === 0x5f ||
      c === 0x60 ||
      c === 0x7c ||
      c === 0x7e;
    if (!ok) return false;
  }
  return true;
}

/** CR, LF or NUL: never allowed in a header value. */
export function hasLineBreak(s: string): boolean {
  return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0;
}

/** `YYYYMMDDTHHMMSSZ` by shape only (signing.md §1). */
export function looksLikeSdkDate(s: string): boolean {
  if (s.length !== 16 || s.charCodeAt(8) !== 0x54 || s.charCodeAt(15) !== 0x5a) return false;
  for (let i = 0; i < 15; i++) {
    if (i === 8) continue;
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * Validates `host[:port]` (reg-name or `[IPv6]`); returns the port text ('' when absent), or undefined when invalid.
 */
export function hostPort(authority: string): string | undefined {
  let i = 0;
  if (authority.charCodeAt(0) === 0x5b) {
    const close = authority.indexOf(']');
    if (close < 2 || !/^\[[0-9A-Fa-f:.]+\]$/.test(authority.slice(0, close + 1))) return undefined;
    i = close + 1;
  } else {
    while (i < authority.length && isRegNameChar(authority.charCodeAt(i))) i++;
    if (i === 0) return undefined;
  }
  if (i === authority.length) return '';
  if (authority.charCodeAt(i) !== 0x3a) return undefined;
  const port = authority.slice(i + 1);
  if (port.length === 0 || port.length > 5) return undefined;
  for (let j = 0; j < port.length; j++) {
    const c = port.charCodeAt(j);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return port;
}

function allIn(s: string, mask: number): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || ((CLASS[c] ?? 0) & mask) === 0) return false;
  }
  return true;
}

/** Only unreserved characters and `/`: the canonical URI is the path itself (plus a trailing `/`). */
export function isPlainPath(s: string): boolean {
  return allIn(s, UNRESERVED | SLASH);
}

/** Only characters a request-target path may hold as they are (no `%`): the wire path is the raw path. */
export function isWireSafePath(s: string): boolean {
  return allIn(s, UNRESERVED | SLASH | PCHAR_EXTRA);
}

/** Only unreserved characters, `=` and `&`: nothing in the query to decode. */
export function isPlainQuery(s: string): boolean {
  return allIn(s, UNRESERVED | QUERY_PLAIN_EXTRA);
}

/** The method as the canonical request wants it (§3 step 3); `toUpperCase` is slow even on `GET`. */
export function upperMethod(m: string): string {
  for (let i = 0; i < m.length; i++) {
    const c = m.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return m.toUpperCase();
  }
  return m;
}
