/**
 * Percent-encoding as the APIG signers do it (signing.md §3 steps 4–5): keep `A-Z a-z 0-9 - _ . ~`,
 * encode every other UTF-8 byte as upper-case `%XX`; decode `%XX` only (a literal `+` stays `+`).
 */

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
/** encodeURIComponent keeps these five; the unreserved set of signing.md §3 does not. */
const EXTRA_ENCODE = /[!'()*]/g;

function hexByte(b: number): string {
  return `%${b < 16 ? '0' : ''}${b.toString(16).toUpperCase()}`;
}

function encodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const isUnreserved =
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      (b >= 0x30 && b <= 0x39) ||
      b === 0x2d ||
      b === 0x5f ||
      b === 0x2e ||
      b === 0x7e;
    out += isUnreserved ? String.fromCharCode(b) : hexByte(b);
  }
  return out;
}

/** `enc()` of signing.md §3 step 5.5 (also used per path segment, step 4.3). */
export function encodeUnreserved(s: string): string {
  if (UNRESERVED_ONLY.test(s)) return s;
  try {
    return encodeURIComponent(s).replace(EXTRA_ENCODE, (c) => hexByte(c.charCodeAt(0)));
  } catch {
    // Lone surrogates: encodeURIComponent throws; Buffer writes U+FFFD's bytes instead.
    return encodeBytes(Buffer.from(s, 'utf8'));
  }
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/**
 * Byte-wise decode for input decodeURIComponent rejects: bad escapes stay literal, bad UTF-8 becomes U+FFFD
 * (like Python's `unquote`).
 */
function decodeLenient(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < s.length && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const cp = s.codePointAt(i) ?? c;
      if (cp > 0xffff) i++;
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Complete percent-decoding (`%XX` → byte, UTF-8); `+` is not a space (signing.md §3 step 5.3). */
export function decodePercent(s: string): string {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return decodeLenient(s);
  }
}

/** JavaScript's `decodeURI`: escapes of `; / ? : @ & = + $ , #` stay encoded (APIG-JS, signing.md §4.8 a). */
export function decodeUriKeepReserved(s: string): string {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Java's `URLDecoder.decode`: like decodePercent, but `+` is a space (APIG-Java, signing.md §4.8 c). */
export function decodeFormStyle(s: string): string {
  return decodePercent(s.replace(/\+/g, ' '));
}

/**
 * Code-point order (Python's `sorted`). JS `<` compares UTF-16 code units, which puts astral characters
 * before U+E000–U+FFFF (vector `query-astral-vs-bmp-value-order`, signing.md §3 pitfalls).
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (0xD800–0xDFFF) encode code points above every BMP unit; move them above 0xFFFF.
    if (x >= 0xd800) x += x <= 0xdfff ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y <= 0xdfff ? 0x2000 : -0x800;
    return x - y;
  }
  return a.length - b.length;
}

/** Plain UTF-16 code-unit order, what `Array.prototype.sort()` does (the JS clients). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Stable in-place sort. Insertion sort for the handful of query parameters and header names a request has:
 * Array.prototype.sort's fixed cost per call was the top JavaScript cost in profiles of bench/sign.bench.mjs.
 */
export function sortSmall<T>(items: T[], cmp: (a: T, b: T) => number): T[] {
  if (items.length > 16) return items.sort(cmp);
  for (let i = 1; i < items.length; i++) {
    const x = items[i] as T;
    let j = i - 1;
    while (j >= 0 && cmp(items[j] as T, x) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}
