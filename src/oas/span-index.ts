/**
 * Where each node of a parsed document is, without a second tree of objects: arrays of offsets. Each
 * collection is a record in one Int32Array, `[count, keysAt, (open, close, child)...]`: `keysAt` is where its
 * keys start in one array of strings (-1 for a sequence), and each child has its raw open and close offsets
 * and its own record (-1 for a scalar). The parser writes a record when a collection closes (post-order;
 * children wait on a scratch stack meanwhile). The index does not look at the value, which callers may
 * change. Raw offsets are where js-yaml's parse events put a node's start and end; spanAt turns them into the
 * node's span as the js-yaml path (fast-yaml.ts) always has: the start moved past spaces and comments, the
 * end back over spaces.
 */

export interface Span {
  start: number;
  end: number;
}

/** Past spaces, line breaks and comments (a `#` at the start or after white space). */
export function skipSpace(text: string, i: number): number {
  let p = i;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 9 || c === 10 || c === 13) p++;
    else if (c === 35 /* # */ && (p === 0 || /\s/.test(text[p - 1] ?? ''))) {
      while (p < text.length && text.charCodeAt(p) !== 10) p++;
    } else return p;
  }
}

export function trimEnd(text: string, start: number, end: number): number {
  let p = end;
  while (p > start && /\s/.test(text[p - 1] ?? '')) p--;
  return p;
}

export function spanAt(text: string, open: number, close: number): Span {
  const start = skipSpace(text, open);
  return { start, end: Math.max(start, trimEnd(text, start, close)) };
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

  index(text: string, root: number, open: number, close: number): SpanIndex {
    return spanIndex(text, this.out.subarray(0, this.size), this.keys, root, open, close);
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
  text: string,
  out: Int32Array,
  keys: readonly string[],
  root: number,
  open: number,
  close: number,
): SpanIndex {
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
      let record = root;
      let from = open;
      let to = close;
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
      return spanAt(text, from, to);
    },
  };
}
