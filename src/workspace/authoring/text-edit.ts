/**
 * Surgical edits of a YAML or JSON text: add a key to a map, an item to a sequence, set a scalar.
 * Re-stringifying a parsed yaml Document re-formats the whole file (flow padding, quotes, folded lines),
 * so YAML edits find the place with the Document API's node ranges and splice only the new text in:
 * every byte outside the insertion stays as it was (comments, key order, formatting). JSON has no
 * comments; it is parsed, changed and written back with the file's own indentation.
 */
import { Document, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Node } from 'yaml';
import { ApigError } from '../../core/errors.js';
import type { TextFormat } from '../../oas/source.js';
import { editJson, jsonAt, jsonMap, parseJson, type KeyPath, type Obj } from './json-edit.js';

export type { KeyPath };

export const RENDER = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/**
 * The indentation step the file uses (its smallest indentation of a key or of a list's dash: `groups:` with
 * `  - name:` and `    spec:` below is indented by 2), 2 when nothing is indented yet.
 */
export function indentStep(text: string): number {
  let step = Infinity;
  for (const m of text.matchAll(/\n( +)[^\s#]/g)) step = Math.min(step, m[1]?.length ?? Infinity);
  return step >= 2 && step <= 8 ? step : 2;
}

// ---------------------------------------------------------------------------------------------
// YAML: node ranges

export function parse(text: string): Document.Parsed {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ApigError('input', `cannot edit: ${doc.errors[0]?.message ?? 'invalid YAML'}`);
  return doc;
}

function nodeAt(doc: Document, path: KeyPath): Node | undefined {
  if (path.length === 0) return (doc.contents ?? undefined) as Node | undefined;
  const n: unknown = doc.getIn(path, true);
  return isScalar(n) || isCollection(n) ? n : undefined;
}

/** Where the last item's content ends (its trailing comment and following comment lines excluded). */
export function contentEnd(node: Node): number {
  if (isCollection(node) && !node.flow) {
    const last = node.items[node.items.length - 1];
    if (last !== undefined) {
      const inner: unknown = isPair(last) ? (last.value ?? last.key) : last;
      if (isScalar(inner) || isCollection(inner)) return contentEnd(inner);
    }
  }
  return node.range?.[1] ?? 0;
}

/** The start of the line after `pos` (or `pos` itself when it already starts a line). */
export function lineEndAfter(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * Past the comment lines indented deeper than the new entry: they belong to the content before it
 * (blank lines are crossed only when such a comment follows them).
 */
export function pastDeeperComments(text: string, at: number, column: number): number {
  let pos = at;
  let kept = at;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(pos, end);
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (trimmed !== '' && !(trimmed.startsWith('#') && indent > column)) break;
    pos = end;
    if (trimmed !== '') kept = end;
  }
  return kept;
}

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

export function indentLines(block: string, column: number): string {
  const pad = ' '.repeat(column);
  return block
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

function splice(text: string, at: number, insert: string): string {
  const before = text.slice(0, at);
  return before + (before === '' || before.endsWith('\n') ? '' : '\n') + insert + text.slice(at);
}

/** Replaces a flow collection (or an empty one) with `value`: block style when empty, flow otherwise. */
function replaceFlow(text: string, node: Node, value: unknown, column: number, step: number): string {
  const [start, end] = [node.range?.[0] ?? 0, node.range?.[1] ?? 0];
  const wasEmpty = isCollection(node) && node.items.length === 0;
  if (!wasEmpty) {
    const d = new Document(value);
    if (isCollection(d.contents)) d.contents.flow = true;
    return text.slice(0, start) + d.toString(RENDER).trimEnd() + text.slice(end);
  }
  let from = start;
  while (from > 0 && text[from - 1] === ' ') from--;
  const block = indentLines(stringify(value, { ...RENDER, indent: step }), column + step).trimEnd();
  return `${text.slice(0, from)}\n${block}${text.slice(end)}`;
}

/** The column of the keys of a block map or the dashes of a block sequence (root: 0). */
export function keyColumn(text: string, node: Node, fallback: number): number {
  if (isMap(node) && !node.flow && node.items[0] && isPair(node.items[0])) {
    const key: unknown = node.items[0].key;
    if (isScalar(key) && key.range) return columnOf(text, key.range[0]);
  }
  if (isSeq(node) && !node.flow && node.range) return columnOf(text, node.range[0]);
  return fallback;
}

/** The column of the key that holds the node at `path` (where a block rendering of it is indented from). */
function holderColumn(doc: Document, text: string, path: KeyPath, step: number): number {
  if (path.length <= 1) return 0;
  const parent = nodeAt(doc, path.slice(0, -1));
  if (parent === undefined) return (path.length - 1) * step;
  const column = keyColumn(text, parent, (path.length - 1) * step);
  return isSeq(parent) && !parent.flow ? column + 2 : column;
}

function yamlAddEntry(text: string, path: KeyPath, key: string, value: unknown): string {
  const doc = parse(text);
  const step = indentStep(text);
  const node = nodeAt(doc, path);
  if (node === undefined) {
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1];
    if (last === undefined) return text + stringify({ [key]: value }, { ...RENDER, indent: step });
    return yamlAddEntry(text, parentPath, String(last), { [key]: value });
  }
  if (!isMap(node)) throw new ApigError('input', `cannot add ${key}: ${path.join('.') || 'the document'} is not a map`);
  if (node.has(key)) throw new ApigError('input', `${[...path, key].join('.')} already exists`);
  if (node.flow || node.items.length === 0) {
    const merged = { ...(node.toJSON() as Obj), [key]: value };
    // A root written as `{}` has no place to splice into; it is written anew (it held nothing to keep).
    if (path.length === 0) return stringify(merged, { ...RENDER, indent: step });
    return replaceFlow(text, node, merged, holderColumn(doc, text, path, step), step);
  }
  const column = keyColumn(text, node, 0);
  const at = pastDeeperComments(text, lineEndAfter(text, contentEnd(node)), column);
  return splice(text, at, indentLines(stringify({ [key]: value }, { ...RENDER, indent: step }), column));
}

function yamlAppend(text: string, path: KeyPath, value: unknown): string {
  const doc = parse(text);
  const step = indentStep(text);
  const node = nodeAt(doc, path);
  const last = path[path.length - 1];
  if (node === undefined && last !== undefined) return yamlAddEntry(text, path.slice(0, -1), String(last), [value]);
  if (node === undefined || !isSeq(node))
    throw new ApigError('input', `cannot append: ${path.join('.')} is not a list`);
  if (node.flow || node.items.length === 0) {
    return replaceFlow(text, node, [...(node.toJSON() as unknown[]), value], holderColumn(doc, text, path, step), step);
  }
  const column = keyColumn(text, node, 0);
  const at = pastDeeperComments(text, lineEndAfter(text, contentEnd(node)), column);
  return splice(text, at, indentLines(stringify([value], { ...RENDER, indent: step }), column));
}

// ---------------------------------------------------------------------------------------------
// The edits

/** Adds `key: value` to the map at `path` (created when missing); the key must not exist yet. */
export function addEntry(text: string, format: TextFormat, path: KeyPath, key: string, value: unknown): string {
  if (format === 'json') {
    return editJson(text, (root) => {
      const map = jsonMap(root, path);
      if (key in map) throw new ApigError('input', `${[...path, key].join('.')} already exists`);
      map[key] = value;
    });
  }
  return yamlAddEntry(text, path, key, value);
}

/** Appends `value` to the list at `path` (created when missing). */
export function appendItem(text: string, format: TextFormat, path: KeyPath, value: unknown): string {
  if (format === 'json') {
    return editJson(text, (root) => {
      const last = path[path.length - 1];
      const holder = jsonMap(root, path.slice(0, -1));
      const list = holder[String(last)] ?? (holder[String(last)] = []);
      if (!Array.isArray(list)) throw new ApigError('input', `${path.join('.')} is not a list`);
      list.push(value);
    });
  }
  return yamlAppend(text, path, value);
}

/** Sets `key` of the map at `path` to a scalar: replaces the written value in place, or adds the key. */
export function setScalar(
  text: string,
  format: TextFormat,
  path: KeyPath,
  key: string,
  value: string | number | boolean,
): string {
  if (format === 'json')
    return editJson(text, (root) => {
      jsonMap(root, path)[key] = value;
    });
  const node = nodeAt(parse(text), [...path, key]);
  if (node === undefined) return yamlAddEntry(text, path, key, value);
  if (!isScalar(node) || !node.range) throw new ApigError('input', `${[...path, key].join('.')} is not a plain value`);
  return text.slice(0, node.range[0]) + stringify(value, RENDER).trimEnd() + text.slice(node.range[1]);
}

/** The value at `path`, as plain data (undefined when absent). */
export function valueAt(text: string, format: TextFormat, path: KeyPath): unknown {
  if (format === 'json') return jsonAt(parseJson(text), path);
  const node = nodeAt(parse(text), path);
  return node === undefined ? undefined : node.toJSON();
}
