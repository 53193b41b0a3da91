/**
 * Where each node of a parsed document is, without a second tree of objects: arrays of offsets. Each
 * collection is a record in one Int32Array, `[count, keysAt, (open, close, child)...]`: `keysAt` is where its
 * keys start in one array of strings (-1 for a sequence), and each child has its raw open and close offsets
 * and its own record (-1 for a scalar). The parser writes a record when a collection closes (post-order;
 * children wait on a scratch stack meanwhile). The index does not look at the value, which callers may
 * change. Raw offsets are where js-yaml's parse events put a node's start and end; spanAt turns them into the
 * node's span as the js-yaml path (fast-yaml.ts) always has: the start moved past spaces and comments, the
 * end back over spaces. The first look-up turns every raw pair into its span in place (settleSpans), after
 * which the index holds no reference to the text: a 5 MB file's text need not outlive its parse.
 */

export interface Span {
  start: number;
  end: number;
}

/** The code unit is white space to a regular expression's `\s` (NaN, past the end, is not). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Past spaces, line breaks and comments (a `#` at the start or after white space). */
export function skipSpace(text: string, i: number): number {
  let p = i;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 9 || c === 10 || c === 13) p++;
    else if (c === 35 /* # */ && (p === 0 || isSpace(text.charCodeAt(p - 1)))) {
      while (p < text.length && text.charCodeAt(p) !== 10) p++;
    } else return p;
  }
}

export function trimEnd(text: string, start: number, end: number): number {
  let p = end;
  while (p > start && isSpace(text.charCodeAt(p - 1))) p--;
  return p;
}

export function spanAt(text: string, open: number, close: number): Span {
  const start = skipSpace(text, open);
  return { start, end: Math.max(start, trimEnd(text, start, close)) };
}

/**
 * Turns the raw pairs at a[i], a[i + 1] for i = from, from + step, ... below to into their spans (spanAt), in
 * place: one loop, the usual cases without a call.
 */
export function settleSpans(text: string, a: Int32Array, from: number, to: number, step: number): void {
  for (let i = from; i < to; i += step) {
    let start = a[i] as number;
    const c = text.charCodeAt(start);
    if (c <= 32 || c === 35) start = skipSpace(text, start);
    let end = a[i + 1] as number;
    for (let d = text.charCodeAt(end - 1); end > start; d = text.charCodeAt(--end - 1))
      if ((d > 32 && d < 128) || !isSpace(d)) break;
    a[i] = start;
    a[i + 1] = Math.max(start, end);
  }
}

function grow(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class SpanWriter {
  private out: Int32Array = new Int32Array(4096);
  private size = 0;
  private readonly keys: string[] = [];
  private stack: Int32Array = new Int32Array(1024);
  private top = 0;
  private readonly keyStack: string[] = [];
  private keyTop = 0;

  /** Where a collection's children start on the scratch stack (pass it to close). */
  mark(): number {
    return this.top;
  }

  child(open: number, close: number, record: number): void {
    if (this.top + 3 > this.stack.length) this.stack = grow(this.stack, this.top + 3);
    const s = this.stack;
    s[this.top] = open;
    s[this.top + 1] = close;
    s[this.top + 2] = record;
    this.top += 3;
  }

  /** A mapping's child: its key goes with it. */
  pair(key: string, open: number, close: number, record: number): void {
    this.keyStack[this.keyTop++] = key;
    this.child(open, close, record);
  }

  /** Writes the record of the collection whose children came after mark; returns the record. */
  close(mark: number, mapping: boolean): number {
    const n = (this.top - mark) / 3;
    const at = this.size;
    if (at + 2 + 3 * n > this.out.length) this.out = grow(this.out, at + 2 + 3 * n);
    const out = this.out;
    const stack = this.stack;
    out[at] = n;
    out[at + 1] = mapping ? this.keys.length : -1;
    for (let i = mark, j = at + 2; i < this.top; i++, j++) out[j] = stack[i] as number;
    this.size = at + 2 + 3 * n;
    this.top = mark;
    if (mapping) {
      const keys = this.keys;
      const from = this.keyTop - n;
      for (let i = from; i < this.keyTop; i++) keys.push(this.keyStack[i] as string);
      this.keyTop = from;
    }
    return at;
  }

  /** Forgets every record, to write a new tree. */
  reset(): void {
    this.size = 0;
    this.keys.length = 0;
  }

  /** The records written so far and the keys they point into. */
  records(): { out: Int32Array; keys: readonly string[] } {
    return { out: this.out, keys: this.keys };
  }

  /** The index of the records written so far: a copy of the used part (the doubled buffer holds up to twice). */
  index(text: string, root: number, open: number, close: number): SpanIndex {
    return spanIndex(text, this.out.slice(0, this.size), this.keys, root, open, close);
  }
}

/** Mappings with more keys than this get a key → position map on their first look-up. */
export const INDEXED = 24;

export interface SpanIndex {
  /** The span of the node at the given pointer segments, or of its deepest existing ancestor. */
  spanOf(segments: readonly string[]): Span;
}

/** Sequence segments are read with Number(), as the js-yaml path reads them. */
function spanIndex(
  source: string,
  out: Int32Array,
  keys: readonly string[],
  root: number,
  open: number,
  close: number,
): SpanIndex {
  let text: string | undefined = source;
  let rootSpan: Span | undefined;
  /** Every child's raw pair becomes its span; the text is let go. */
  const settle = (t: string): Span => {
    for (let at = 0; at < out.length; at += 2 + 3 * (out[at] as number))
      settleSpans(t, out, at + 2, at + 2 + 3 * (out[at] as number), 3);
    text = undefined;
    return spanAt(t, open, close);
  };
  const maps = new Map<number, Map<string, number>>();
  const find = (record: number, key: string): number => {
    const n = out[record] as number;
    const from = out[record + 1] as number;
    if (n <= INDEXED) {
      for (let i = 0; i < n; i++) if (keys[from + i] === key) return i;
      return -1;
    }
    let map = maps.get(record);
    if (!map) {
      map = new Map();
      for (let i = n - 1; i >= 0; i--) map.set(keys[from + i] as string, i);
      maps.set(record, map);
    }
    return map.get(key) ?? -1;
  };
  return {
    spanOf(segments) {
      if (text !== undefined) rootSpan = settle(text);
      let record = root;
      let { start: from, end: to } = rootSpan as Span;
      for (const seg of segments) {
        if (record < 0) break;
        let i: number;
        if ((out[record + 1] as number) < 0) {
          i = Number(seg);
          if (!Number.isInteger(i) || i < 0 || i >= (out[record] as number)) break;
        } else {
          i = find(record, seg);
          if (i < 0) break;
        }
        const at = record + 2 + 3 * i;
        from = out[at] as number;
        to = out[at + 1] as number;
        record = out[at + 2] as number;
      }
      return { start: from, end: to };
    },
  };
}
