/**
 * Where a node is, as a 0-based line and character: from an offset in the text, or from a JSON pointer into the
 * `yaml` package's parse tree.
 */
import type { Document, Node } from 'yaml';
import type { Position, Range } from '../core/diagnostic.js';
import { yaml } from './yaml-lib.js';

/**
 * Offset → 0-based line and character, by binary search over the line starts (an Int32Array: the look-up
 * keeps no reference to the text).
 */
export function lineIndex(text: string): (offset: number) => Position {
  // A guess of one line in 32 characters, doubled when short; the used part is copied at the end.
  let grown = new Int32Array((text.length >> 5) + 16);
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (count === grown.length) {
      const next = new Int32Array(2 * count);
      next.set(grown);
      grown = next;
    }
    grown[count++] = i + 1;
  }
  const starts = count === grown.length ? grown : grown.slice(0, count);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - (starts[lo] as number) };
  };
}

/** One position: counted directly, without an index of every line. */
export function offsetRange(text: string, offset: number): Range {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const at = { line, character: offset - lineStart };
  return { start: at, end: at };
}

/** The deepest node along the pointer (the node itself when it exists). */
export function nodeAt(doc: Document, segments: readonly string[]): Node | undefined {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  for (const seg of segments) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg);
      next = pair ? (pair.value ?? pair.key) : undefined;
    } else if (isSeq(node)) {
      next = node.items[Number(seg)];
    }
    if (next === undefined || next === null) break;
    node = next;
  }
  return node as Node | undefined;
}
