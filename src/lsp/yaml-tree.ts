/**
 * Where a position of a YAML or JSON text stands in its data: the path of the key or value under the cursor, and
 * the text range of the node a JSON pointer names. JSON is read as the YAML it also is, so one reader serves both.
 * The `yaml` package keeps going past errors, so that a document being typed still has a tree.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type Node, parseDocument } from 'yaml';

export interface Located {
  /** Path of the key or value under the cursor (for a key: the key's own path). */
  segments: string[];
  on: 'key' | 'value';
  /** The scalar under the cursor: its text value and its offsets. */
  scalar?: { value: string; start: number; end: number };
}

export type Tree = Document.Parsed;

export function parseTree(text: string): Tree {
  // logLevel 'error': the package's warnings (a collection as a key...) would go to the process's stderr, the
  // editor's log, on every request on such a text; what is wrong with a text is lint's to say.
  return parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'error' });
}

const within = (offset: number, range: readonly number[] | null | undefined): boolean =>
  range !== null && range !== undefined && offset >= (range[0] ?? 0) && offset <= (range[1] ?? -1);

function scalarOf(node: unknown): Located['scalar'] {
  if (!isScalar(node) || !node.range) return undefined;
  const v = node.value;
  return { value: v === null || v === undefined ? '' : String(v), start: node.range[0], end: node.range[1] };
}

const keyText = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key));

/** The key or value at `offset`, or undefined where no node is (blank space between entries). */
export function locate(tree: Tree, offset: number): Located | undefined {
  const segments: string[] = [];
  let node: unknown = tree.contents;
  for (let depth = 0; depth < 200; depth++) {
    if (isMap(node)) {
      let next: unknown;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (key && within(offset, key.range)) {
          const scalar = scalarOf(key);
          return { segments: [...segments, keyText(key)], on: 'key', ...(scalar ? { scalar } : {}) };
        }
        const value = pair.value as Node | null;
        if (value && within(offset, value.range)) {
          segments.push(keyText(key));
          next = value;
          break;
        }
      }
      if (next === undefined) return undefined;
      node = next;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => within(offset, (item as Node | null)?.range));
      if (i < 0) return undefined;
      segments.push(String(i));
      node = node.items[i];
    } else if (isPair(node)) {
      return undefined;
    } else {
      const scalar = scalarOf(node);
      return { segments, on: 'value', ...(scalar ? { scalar } : {}) };
    }
  }
  return undefined;
}

/**
 * The offsets of the key (or, for a list entry or the root, the value) a path names; with `value`, of its value.
 */
export function rangeOfPath(tree: Tree, segments: readonly string[], value = false): [number, number] | undefined {
  let node: unknown = tree.contents;
  let keyRange: [number, number] | undefined;
  for (const s of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === s);
      if (!pair) return undefined;
      const k = (pair.key as Node | null)?.range;
      keyRange = k ? [k[0], k[1]] : undefined;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(s)] as Node | undefined;
      if (!item?.range) return undefined;
      keyRange = [item.range[0], item.range[1]];
      node = item;
    } else return undefined;
  }
  if (keyRange && !value) return keyRange;
  const r = (node as Node | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** A document as editors hold it: its text changes, and its version with it. */
interface Versioned {
  readonly version: number;
  getText(): string;
}

const trees = new WeakMap<Versioned, { version: number; tree: Tree }>();

/** The tree of a document, parsed once per version (hovers come in bursts as the mouse moves). */
export function treeOf(doc: Versioned): Tree {
  const cached = trees.get(doc);
  if (cached?.version === doc.version) return cached.tree;
  const tree = parseTree(doc.getText());
  trees.set(doc, { version: doc.version, tree });
  return tree;
}

/** The plain data of the tree (errors and all: what could be read). */
export function dataOf(tree: Tree): unknown {
  try {
    return tree.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
}
