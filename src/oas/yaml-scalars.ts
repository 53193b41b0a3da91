/**
 * The quoted and block scalar readers of the single-pass YAML reader: js-yaml's readSingleQuotedScalar,
 * readDoubleQuotedScalar and readBlockScalar (js-yaml 4, lib/loader.js), step for step, so that the value and
 * the position where each stops are js-yaml's. Where js-yaml throws, these give up (UNSUPPORTED). Plain
 * scalars are in yaml-plain.ts.
 */
import {
  atDocumentSeparator,
  type Cursor,
  checkPrintable,
  code,
  folded,
  intern,
  isEol,
  isWhiteSpace,
  readLineBreak,
  skipSeparationSpace,
  unsupported,
} from './yaml-state.js';

function capture(c: Cursor, start: number, end: number): string {
  return start < end ? c.t.slice(start, end) : '';
}

export function readSingleQuoted(c: Cursor): string {
  let result = '';
  c.p++;
  let captureStart = c.p;
  let captureEnd = c.p;
  for (let ch = code(c, c.p); ch !== 0; ch = code(c, c.p)) {
    if (ch === 39) {
      const end = c.p;
      if (code(c, ++c.p) !== 39)
        return result === '' && captureStart < end
          ? intern(c, captureStart, end)
          : result + capture(c, captureStart, end);
      result += capture(c, captureStart, end);
      captureStart = c.p;
      c.p++;
      captureEnd = c.p;
    } else if (isEol(ch)) {
      result += capture(c, captureStart, captureEnd) + folded(skipSeparationSpace(c, false));
      captureStart = captureEnd = c.p;
    } else if (c.p === c.lineStart && atDocumentSeparator(c)) {
      unsupported();
    } else {
      // Quoted scalars hold any character but the C0 controls (tab aside).
      if (ch < 32 && ch !== 9) unsupported();
      c.p++;
      if (!isWhiteSpace(ch)) captureEnd = c.p;
    }
  }
  return unsupported();
}

/** js-yaml's simpleEscapeSequence: the character after a backslash → what it stands for. */
const SIMPLE_ESCAPES: ReadonlyMap<number, string> = new Map([
  [48, '\x00'],
  [97, '\x07'],
  [98, '\x08'],
  [116, '\x09'],
  [9, '\x09'],
  [110, '\x0A'],
  [118, '\x0B'],
  [102, '\x0C'],
  [114, '\x0D'],
  [101, '\x1B'],
  [32, ' '],
  [34, '"'],
  [47, '/'],
  [92, '\\'],
  [78, '\x85'],
  [95, '\xA0'],
  [76, '\u2028'],
  [80, '\u2029'],
]);

function hexDigit(ch: number): number {
  if (ch >= 48 && ch <= 57) return ch - 48;
  const lc = ch | 0x20;
  return lc >= 97 && lc <= 102 ? lc - 97 + 10 : -1;
}

/** One escape after the backslash at c.p - 1: its text, with c.p past it. */
function readEscape(c: Cursor, ch: number): string {
  const simple = SIMPLE_ESCAPES.get(ch);
  if (simple !== undefined) {
    c.p++;
    return simple;
  }
  let length = ch === 120 ? 2 : ch === 117 ? 4 : ch === 85 ? 8 : 0;
  if (length === 0) return unsupported();
  let value = 0;
  for (; length > 0; length--) {
    const d = hexDigit(code(c, ++c.p));
    if (d < 0) unsupported();
    value = value * 16 + d;
  }
  c.p++;
  // js-yaml shifts (<< 4), which wraps past 0x7FFFFFF: such escapes are left to it.
  if (value > 0x10ffff) unsupported();
  return value <= 0xffff
    ? String.fromCharCode(value)
    : String.fromCharCode(((value - 0x10000) >> 10) + 0xd800, ((value - 0x10000) & 0x3ff) + 0xdc00);
}

export function readDoubleQuoted(c: Cursor): string {
  let result = '';
  c.p++;
  let captureStart = c.p;
  let captureEnd = c.p;
  for (let ch = code(c, c.p); ch !== 0; ch = code(c, c.p)) {
    if (ch === 34) {
      const end = c.p++;
      return result === '' && captureStart < end
        ? intern(c, captureStart, end)
        : result + capture(c, captureStart, end);
    }
    if (ch === 92) {
      result += capture(c, captureStart, c.p);
      ch = code(c, ++c.p);
      if (isEol(ch)) skipSeparationSpace(c, false);
      else result += readEscape(c, ch);
      captureStart = captureEnd = c.p;
    } else if (isEol(ch)) {
      result += capture(c, captureStart, captureEnd) + folded(skipSeparationSpace(c, false));
      captureStart = captureEnd = c.p;
    } else if (c.p === c.lineStart && atDocumentSeparator(c)) {
      unsupported();
    } else {
      // Quoted scalars hold any character but the C0 controls (tab aside).
      if (ch < 32 && ch !== 9) unsupported();
      c.p++;
      if (!isWhiteSpace(ch)) captureEnd = c.p;
    }
  }
  return unsupported();
}

const CLIP = 1;
const STRIP = 2;
const KEEP = 3;

/** A literal (|) or folded (>) block scalar, its header at c.p. */
export function readBlockScalar(c: Cursor, nodeIndent: number): string {
  const folding = code(c, c.p) === 62;
  let result = '';
  let chomping = CLIP;
  let detectedIndent = false;
  let textIndent = nodeIndent;
  let ch = code(c, c.p);
  while (ch !== 0) {
    ch = code(c, ++c.p);
    if (ch === 43 || ch === 45) {
      if (chomping !== CLIP) unsupported();
      chomping = ch === 43 ? KEEP : STRIP;
    } else if (ch >= 48 && ch <= 57) {
      if (ch === 48 || detectedIndent) unsupported();
      textIndent = nodeIndent + (ch - 48) - 1;
      detectedIndent = true;
    } else break;
  }
  if (isWhiteSpace(ch)) {
    do ch = code(c, ++c.p);
    while (isWhiteSpace(ch));
    if (ch === 35) {
      do ch = code(c, ++c.p);
      while (!isEol(ch) && ch !== 0);
    }
  }
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  while (ch !== 0) {
    readLineBreak(c);
    c.lineIndent = 0;
    ch = code(c, c.p);
    while ((!detectedIndent || c.lineIndent < textIndent) && ch === 32) {
      c.lineIndent++;
      ch = code(c, ++c.p);
    }
    if (!detectedIndent && c.lineIndent > textIndent) textIndent = c.lineIndent;
    if (isEol(ch)) {
      emptyLines++;
      continue;
    }
    if (!detectedIndent && textIndent === 0) unsupported();
    if (c.lineIndent < textIndent) {
      if (chomping === KEEP) result += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
      else if (chomping === CLIP && didReadContent) result += '\n';
      break;
    }
    if (!folding) result += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
    else if (isWhiteSpace(ch)) {
      atMoreIndented = true;
      result += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
    } else if (atMoreIndented) {
      atMoreIndented = false;
      result += '\n'.repeat(emptyLines + 1);
    } else if (emptyLines === 0) {
      if (didReadContent) result += ' ';
    } else result += '\n'.repeat(emptyLines);
    didReadContent = true;
    detectedIndent = true;
    emptyLines = 0;
    const captureStart = c.p;
    while (!isEol(ch) && ch !== 0) {
      if (ch < 32 || ch >= 127) checkPrintable(c, c.p, ch);
      ch = code(c, ++c.p);
    }
    result += c.t.slice(captureStart, c.p);
  }
  return result;
}
