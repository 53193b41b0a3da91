/**
 * The cursor of the single-pass YAML reader (yaml-scan.ts): the input, the position and the line state, kept
 * exactly as js-yaml's loader keeps them (js-yaml 4, lib/loader.js), so that every position the reader
 * records is the one js-yaml's parse events carry. Whatever js-yaml would refuse, and whatever the reader does
 * not handle, throws UNSUPPORTED: the caller then gives the text to js-yaml, which answers as before.
 */
import type { SpanWriter } from './span-index.js';
import { intern as internText, type StringTable } from './string-cache.js';

/** Thrown to give up; caught only by scanYaml. A plain object: no stack trace is captured. */
export const UNSUPPORTED = Object.freeze({ unsupported: true });

export interface Cursor {
  /** The text, with a line break appended when it ends without one (js-yaml does the same). */
  readonly t: string;
  /** Where the text ends; charCodeAt past it gives NaN, read as 0 (js-yaml's terminator) by code(). */
  readonly length: number;
  p: number;
  line: number;
  lineStart: number;
  lineIndent: number;
  /** Where the first tab of the current line's separation space is, -1 for none (js-yaml's firstTabInLine). */
  firstTab: number;
  depth: number;
  /** The value of the node read last (js-yaml's state.result). */
  result: unknown;
  /** Strings met before, by a hash of their text: repeated keys and words are one string, as in JSON.parse. */
  readonly strings: StringTable;
  /** Where the positions go (span-index.ts). */
  readonly spans: SpanWriter;
  /** The span record of the collection read last, -1 after a scalar. */
  record: number;
  /** The items of the sequences being read (each takes its own when it closes). */
  readonly values: unknown[];
}

/** The text from start to end (not empty), as a string met before when there is one. */
export function intern(c: Cursor, start: number, end: number): string {
  return internText(c.strings, c.t, start, end);
}

export function unsupported(): never {
  throw UNSUPPORTED;
}

/** The character at i, 0 past the end. */
export function code(c: Cursor, i: number): number {
  return c.t.charCodeAt(i) | 0;
}

export function isEol(ch: number): boolean {
  return ch === 10 || ch === 13;
}

export function isWhiteSpace(ch: number): boolean {
  return ch === 32 || ch === 9;
}

export function isWsOrEol(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}

export function isFlowIndicator(ch: number): boolean {
  return ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125;
}

/** js-yaml's writeFoldedLines: what `count` line breaks in a flow scalar stand for. */
export function folded(count: number): string {
  return count === 1 ? ' ' : count > 1 ? '\n'.repeat(count - 1) : '';
}

export function readLineBreak(c: Cursor): void {
  const ch = code(c, c.p);
  if (ch === 10) c.p++;
  else if (ch === 13) {
    c.p++;
    if (code(c, c.p) === 10) c.p++;
  } else unsupported();
  c.line++;
  c.lineStart = c.p;
  c.firstTab = -1;
}

/** js-yaml's skipSeparationSpace: spaces, comments (when allowed) and line breaks; returns how many line breaks. */
export function skipSeparationSpace(c: Cursor, allowComments: boolean): number {
  const t = c.t;
  let p = c.p;
  let lineBreaks = 0;
  let ch = t.charCodeAt(p) | 0;
  while (ch !== 0) {
    for (; ch === 32 || ch === 9; ch = t.charCodeAt(++p) | 0) if (ch === 9 && c.firstTab === -1) c.firstTab = p;
    if (allowComments && ch === 35) {
      do ch = t.charCodeAt(++p) | 0;
      while (ch !== 10 && ch !== 13 && ch !== 0);
    }
    if (ch === 10) p++;
    else if (ch === 13) {
      p++;
      if (t.charCodeAt(p) === 10) p++;
    } else break;
    c.line++;
    c.lineStart = p;
    c.firstTab = -1;
    lineBreaks++;
    let indent = 0;
    for (ch = t.charCodeAt(p) | 0; ch === 32; ch = t.charCodeAt(++p) | 0) indent++;
    c.lineIndent = indent;
  }
  c.p = p;
  return lineBreaks;
}

/** `---` or `...` followed by a space, a line break or the end (the caller checks the line start). */
export function atDocumentSeparator(c: Cursor): boolean {
  const ch = code(c, c.p);
  if ((ch === 45 || ch === 46) && ch === code(c, c.p + 1) && ch === code(c, c.p + 2)) {
    const next = code(c, c.p + 3);
    return next === 0 || isWsOrEol(next);
  }
  return false;
}

/**
 * Gives up on the characters js-yaml refuses in plain and block scalars ("the stream contains non-printable
 * characters"): C0 and C1 controls but tab and NEL, U+FFFE, U+FFFF, and surrogates that do not pair. Called
 * only for characters from U+007F up, or below U+0020.
 */
export function checkPrintable(c: Cursor, i: number, ch: number): void {
  if (ch < 0x20) {
    if (ch !== 9) unsupported();
  } else if (ch <= 0x9f) {
    if (ch !== 0x85) unsupported();
  } else if (ch >= 0xd800 && ch <= 0xdbff) {
    const next = code(c, i + 1);
    if (next < 0xdc00 || next > 0xdfff) unsupported();
  } else if (ch >= 0xdc00 && ch <= 0xdfff) {
    const prev = i > 0 ? code(c, i - 1) : 0;
    if (prev < 0xd800 || prev > 0xdbff) unsupported();
  } else if (ch === 0xfffe || ch === 0xffff) unsupported();
}
