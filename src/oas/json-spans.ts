/**
 * The fast path for JSON files: the value from JSON.parse, and the span index (span-index.ts) built only when
 * a position is first asked for, by one scan of the text. The answer must stay what the js-yaml path gave
 * before, so the text is left to that path (undefined) wherever js-yaml reads JSON differently: a duplicate
 * key (js-yaml refuses it; JSON.parse keeps the last one), a key whose `:` is on a later line (js-yaml
 * refuses it), -0 and numbers past a double's range (js-yaml reads `-0` as 0 and `1e999` as a string), and
 * nesting near MAX_NESTING (js-yaml's path words that diagnostic). Duplicates are found by counting: the key
 * tokens of the text against the keys of the parsed value.
 */
import { MAX_NESTING } from './nesting.js';
import { type SpanIndex, SpanWriter } from './span-index.js';
import { intern, type StringTable, stringTable } from './string-cache.js';

export interface JsonParse extends SpanIndex {
  value: unknown;
}

/** The number of key tokens (a string followed by `:`), or -1 when a key's `:` is on a later line. */
export function countKeyTokens(text: string): number {
  let keys = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 34) continue;
    for (i++; ; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) i++;
    }
    let brokenLine = false;
    let k = i + 1;
    for (let c = text.charCodeAt(k); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++k))
      if (c !== 32 && c !== 9) brokenLine = true;
    if (text.charCodeAt(k) === 58) {
      if (brokenLine) return -1;
      keys++;
    }
    i = k - 1;
  }
  return keys;
}

/** The keys of every object in the value, or -1 for a number js-yaml reads differently or deep nesting. */
function countValueKeys(root: unknown): number {
  let keys = 0;
  const stack: unknown[] = [root];
  const depths: number[] = [1];
  const check = (v: unknown, depth: number): boolean => {
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
    if (typeof v === 'object' && v !== null) {
      stack.push(v);
      depths.push(depth + 1);
    }
    return true;
  };
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const depth = depths.pop() as number;
    if (depth >= MAX_NESTING - 1) return -1;
    if (Array.isArray(node)) {
      for (const v of node) if (!check(v, depth)) return -1;
    } else {
      const obj = node as Record<string, unknown>;
      for (const k in obj) {
        keys++;
        if (!check(obj[k], depth)) return -1;
      }
    }
  }
  return keys;
}

export function parseJson(text: string): JsonParse | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const tokens = countKeyTokens(text);
  if (tokens < 0 || countValueKeys(value) !== tokens) return undefined;
  // The text is kept until the index is built (on the first look-up), and let go then.
  let pending: string | undefined = text;
  let index: SpanIndex | undefined;
  return {
    value,
    spanOf: (segments) => {
      if (pending !== undefined) {
        index = indexJson(pending);
        pending = undefined;
      }
      return (index as SpanIndex).spanOf(segments);
    },
  };
}

function skipWs(text: string, i: number): number {
  let p = i;
  for (let c = text.charCodeAt(p); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++p));
  return p;
}

/** Past the string that starts at i (at its opening quote). */
function stringEnd(text: string, i: number): number {
  let p = i + 1;
  for (let c = text.charCodeAt(p); c !== 34; c = text.charCodeAt(++p)) if (c === 92) p++;
  return p + 1;
}

/** Past the number, `true`, `false` or `null` that starts at i. */
function literalEnd(text: string, i: number): number {
  let p = i;
  for (let d = text.charCodeAt(p) | 0; d !== 0; d = text.charCodeAt(++p) | 0)
    if (d === 44 || d === 93 || d === 125 || d === 32 || d === 9 || d === 10 || d === 13) break;
  return p;
}

/** Reads the key at i (valid JSON: a string) onto keys; returns where its value starts (past the `:`). */
function readKey(text: string, i: number, keys: string[], strings: StringTable): number {
  let p = i + 1;
  let escaped = false;
  for (let c = text.charCodeAt(p); c !== 34; c = text.charCodeAt(++p))
    if (c === 92) {
      escaped = true;
      p++;
    }
  if (escaped) keys.push(JSON.parse(text.slice(i, p + 1)) as string);
  else keys.push(p === i + 1 ? '' : intern(strings, text, i + 1, p));
  return skipWs(text, skipWs(text, p + 1) + 1);
}

/** The span index of valid JSON text (JSON.parse accepted it): one pass, no recursion. */
function indexJson(text: string): SpanIndex {
  const w = new SpanWriter();
  const strings = stringTable();
  /** Per open collection: its scratch mark, its open offset, 1 for an object. */
  const frames: number[] = [];
  const keys: string[] = [];
  let i = skipWs(text, 0);
  for (;;) {
    const c = text.charCodeAt(i);
    let open = i;
    let record = -1;
    if (c === 123 || c === 91) {
      const inner = skipWs(text, i + 1);
      if (text.charCodeAt(inner) !== (c === 123 ? 125 : 93)) {
        frames.push(w.mark(), i, c === 123 ? 1 : 0);
        i = c === 123 ? readKey(text, inner, keys, strings) : inner;
        continue;
      }
      record = w.close(w.mark(), c === 123);
      i = inner + 1;
    } else if (c === 34) i = stringEnd(text, i);
    else i = literalEnd(text, i);
    // The value [open, i) is done: hand it to its collection, closing every collection it ends.
    for (;;) {
      const top = frames.length - 3;
      if (top < 0) return w.index(text, record, open, i);
      const isObject = frames[top + 2] === 1;
      if (isObject) w.pair(keys.pop() as string, open, i, record);
      else w.child(open, i, record);
      const next = skipWs(text, i);
      if (text.charCodeAt(next) === 44) {
        i = skipWs(text, next + 1);
        if (isObject) i = readKey(text, i, keys, strings);
        break;
      }
      record = w.close(frames[top] as number, isObject);
      open = frames[top + 1] as number;
      frames.length = top;
      i = next + 1;
    }
  }
}
