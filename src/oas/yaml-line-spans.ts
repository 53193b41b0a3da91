/**
 * The span index of the line reader (yaml-lines.ts): every node in document order, three numbers each in one
 * Int32Array (raw open offset, raw close offset, and the index past its last descendant times 4 plus its kind),
 * and the key of each mapping entry at its node's index. The reader writes a node when it starts and completes
 * a collection's node when it closes: no scratch stack, no copying. Look-ups walk a collection's children,
 * sibling to sibling; a large collection keeps them on its first look-up (a large mapping, a key → child map
 * too). Spans are made from the raw offsets as everywhere else (span-index.ts), every node's on the first
 * look-up, after which the index holds no reference to the text.
 */
import { INDEXED, type SpanIndex, type SpanWriter, settleSpans } from './span-index.js';

export const SCALAR = 0;
export const MAPPING = 1;
export const SEQUENCE = 2;

/** Node i: nodes[3i] open, nodes[3i + 1] close, nodes[3i + 2] (index past its subtree) * 4 + kind. */
export function growNodes(nodes: Int32Array): Int32Array {
  const b = new Int32Array(nodes.length * 2);
  b.set(nodes);
  return b;
}

export function lineSpanIndex(source: string, nodes: Int32Array, keys: readonly (string | undefined)[]): SpanIndex {
  let text: string | undefined = source;
  const next = (node: number): number => (nodes[3 * node + 2] as number) >> 2;
  // Collections with more than INDEXED children keep a list of them (and a key map) once looked at; smaller
  // ones are walked, sibling to sibling.
  const lists = new Map<number, Int32Array>();
  const byKey = new Map<number, Map<string, number>>();
  const listOf = (node: number): Int32Array | undefined => {
    let list = lists.get(node);
    if (list) return list;
    const end = next(node);
    let c = node + 1;
    for (let n = 0; n < INDEXED && c < end; n++) c = next(c);
    if (c >= end) return undefined;
    const found: number[] = [];
    for (c = node + 1; c < end; c = next(c)) found.push(c);
    list = Int32Array.from(found);
    lists.set(node, list);
    return list;
  };
  const find = (node: number, key: string): number => {
    const list = listOf(node);
    if (!list) {
      for (let c = node + 1, end = next(node); c < end; c = next(c)) if (keys[c] === key) return c;
      return -1;
    }
    let map = byKey.get(node);
    if (!map) {
      map = new Map();
      for (let i = list.length - 1; i >= 0; i--) map.set(keys[list[i] as number] as string, list[i] as number);
      byKey.set(node, map);
    }
    return map.get(key) ?? -1;
  };
  const item = (node: number, i: number): number => {
    const list = listOf(node);
    if (list) return i < list.length ? (list[i] as number) : -1;
    let c = node + 1;
    const end = next(node);
    for (let n = 0; n < i && c < end; n++) c = next(c);
    return c < end ? c : -1;
  };
  return {
    spanOf(segments) {
      if (text !== undefined) {
        settleSpans(text, nodes, 0, nodes.length, 3);
        text = undefined;
      }
      let node = 0;
      for (const seg of segments) {
        const kind = (nodes[3 * node + 2] as number) & 3;
        let child = -1;
        if (kind === SEQUENCE) {
          const i = Number(seg);
          if (Number.isInteger(i) && i >= 0) child = item(node, i);
        } else if (kind === MAPPING) child = find(node, seg);
        if (child < 0) break;
        node = child;
      }
      return { start: nodes[3 * node] as number, end: nodes[3 * node + 1] as number };
    },
  };
}

/** The node table being written, with its node count. */
export interface NodeTable {
  nodes: Int32Array;
  count: number;
  readonly keys: (string | undefined)[];
}

/** Appends a node the full reader read (its span record in writer, -1 for a scalar) and its descendants. */
export function appendRecord(
  table: NodeTable,
  writer: SpanWriter,
  record: number,
  key: string | undefined,
  open: number,
  close: number,
): void {
  const at = table.count++;
  if (3 * table.count > table.nodes.length) table.nodes = growNodes(table.nodes);
  table.keys[at] = key;
  table.nodes[3 * at] = open;
  table.nodes[3 * at + 1] = close;
  if (record < 0) {
    table.nodes[3 * at + 2] = ((at + 1) << 2) | SCALAR;
    return;
  }
  const { out, keys } = writer.records();
  const n = out[record] as number;
  const keysAt = out[record + 1] as number;
  for (let i = 0; i < n; i++) {
    const child = record + 2 + 3 * i;
    const childKey = keysAt < 0 ? undefined : keys[keysAt + i];
    appendRecord(table, writer, out[child + 2] as number, childKey, out[child] as number, out[child + 1] as number);
  }
  table.nodes[3 * at + 2] = (table.count << 2) | (keysAt < 0 ? SEQUENCE : MAPPING);
}
