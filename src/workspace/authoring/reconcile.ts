/**
 * Rewrites a YAML or JSON text so that it holds `next`, touching only what differs. Used when `apig import`
 * merges into an existing group file: the file's comments, key order and formatting survive wherever the
 * content did not change. YAML: one parse, edits collected from the node ranges and applied from the end
 * (removed keys, changed values, new keys appended to their map). JSON: the parsed object is brought to
 * `next` in place (existing keys keep their order) and written in the file's own indentation.
 */
import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Scalar,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { deepEqual, isRecord } from '../../oas/codec.js';
import type { TextFormat } from '../../oas/source.js';
import { editJson, type Obj } from './json-edit.js';
import {
  columnOf,
  contentEnd,
  indentLines,
  indentStep,
  keyColumn,
  lineEndAfter,
  parse,
  pastDeeperComments,
  RENDER,
} from './text-edit.js';

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Ctx {
  text: string;
  step: number;
  edits: Edit[];
  /** For resolving aliases when comparing (an alias equals what it points to). */
  doc: Document;
}

const SINGLE_LINE = new Set<string>([Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE]);

export function reconcileText(text: string, format: TextFormat, next: unknown): string {
  if (format === 'json')
    return editJson(text, (root) => {
      bringTo(root, next);
    });
  // A byte-order mark would shift every column by one; CRLF files get CRLF in what is written.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom === '' ? text : text.slice(1);
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const doc = parse(body);
  const root = doc.contents;
  const step = indentStep(body);
  const whole = (): string => bom + withEol(stringify(next, { ...RENDER, indent: step }), eol);
  if (!isMap(root) || root.flow || !isRecord(next)) return deepEqual(root?.toJS(doc), next) ? text : whole();
  const ctx: Ctx = { text: body, step, edits: [], doc };
  reconcileMap(ctx, root, next);
  return (
    bom +
    apply(
      body,
      ctx.edits.map((e) => ({ ...e, text: withEol(e.text, eol) })),
    )
  );
}

function withEol(s: string, eol: string): string {
  return eol === '\n' ? s : s.replace(/\r?\n/g, eol);
}

/** A block map with items: recurse per key; removals, changes and one insertion for the new keys. */
function reconcileMap(ctx: Ctx, node: Node & { items: unknown[] }, next: Obj): void {
  const seen = new Set<string>();
  for (const item of node.items) {
    if (!isPair(item)) continue;
    const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
    seen.add(key);
    if (!Object.hasOwn(next, key)) ctx.edits.push(removal(ctx.text, item));
    else reconcilePair(ctx, item, next[key]);
  }
  const added = Object.keys(next).filter((k) => !seen.has(k));
  if (added.length === 0) return;
  const column = keyColumn(ctx.text, node, 0);
  const at = pastDeeperComments(ctx.text, lineEndAfter(ctx.text, contentEnd(node)), column);
  const block = stringify(Object.fromEntries(added.map((k) => [k, next[k]])), { ...RENDER, indent: ctx.step });
  ctx.edits.push({ start: at, end: at, text: indentLines(block, column) });
}

function reconcilePair(ctx: Ctx, pair: Pair, next: unknown): void {
  const value = pair.value as Node | null;
  const before: unknown = value === null ? null : value.toJS(ctx.doc);
  if (deepEqual(before, next)) return;
  if (
    value !== null &&
    isMap(value) &&
    !value.flow &&
    value.items.length > 0 &&
    isRecord(next) &&
    Object.keys(next).length > 0
  ) {
    reconcileMap(ctx, value, next);
    return;
  }
  if (value !== null && isMap(value) && value.flow && isRecord(next)) {
    // `{ a: 1, b: 2 }` with the same keys: each value changes in place, the rest keeps its quotes and spacing.
    const inline = inlineEdits(ctx, value, next);
    if (inline) {
      ctx.edits.push(...inline);
      return;
    }
  }
  if (
    value !== null &&
    isSeq(value) &&
    !value.flow &&
    value.items.length > 0 &&
    Array.isArray(next) &&
    next.length > 0
  ) {
    if (reconcileSeq(ctx, value, next)) return;
  }
  const rendered =
    typeof next === 'object' && next !== null ? flowText(value, next) : stringify(next, RENDER).trimEnd();
  if (
    value !== null &&
    (isScalar(value) ? SINGLE_LINE.has(String(value.type)) : isFlow(value)) &&
    value.range &&
    rendered !== undefined &&
    !rendered.includes('\n')
  ) {
    // A scalar for a scalar, a flow collection for one: only the value's bytes change (a comment after it stays).
    ctx.edits.push({ start: value.range[0], end: value.range[1], text: sameQuotes(value, next) ?? rendered });
    return;
  }
  ctx.edits.push(replacement(ctx, pair, next));
}

/**
 * A block list brought to `next` item by item, when it can be: the same number of items (each reconciled in
 * place), items removed (their lines go), or items appended. False when the change is none of these.
 */
function reconcileSeq(ctx: Ctx, seq: YAMLSeq, next: readonly unknown[]): boolean {
  const items = seq.items as Node[];
  const current = items.map((n) => (n === null ? null : (n.toJS(ctx.doc) as unknown)));
  if (items.length === next.length) {
    const edits: Edit[] = [];
    for (const [i, node] of items.entries()) {
      const want = next[i];
      if (deepEqual(current[i], want)) continue;
      // The first entry of a map item shares the dash's line: the map is reconciled in place only when it stays.
      const first = isMap(node) ? node.items[0] : undefined;
      if (isMap(node) && !node.flow && isPair(first) && isRecord(want) && Object.hasOwn(want, keyText(first))) {
        const inner: Ctx = { ...ctx, edits: [] };
        reconcileMap(inner, node, want);
        edits.push(...inner.edits);
        continue;
      }
      if (!node?.range) return false;
      edits.push(itemReplacement(ctx, node, want));
    }
    ctx.edits.push(...edits);
    return true;
  }
  if (next.length < items.length) {
    // Which items go: `next` must be the list with some items taken out, the rest in order.
    const gone: number[] = [];
    let j = 0;
    for (let i = 0; i < items.length; i++) {
      if (j < next.length && deepEqual(current[i], next[j])) j++;
      else gone.push(i);
    }
    if (j !== next.length) return false;
    for (const i of gone) {
      const node = items[i];
      if (!node?.range) return false;
      ctx.edits.push(itemRemoval(ctx.text, node));
    }
    return true;
  }
  if (!current.every((v, i) => deepEqual(v, next[i]))) return false;
  const column = keyColumn(ctx.text, seq, 0);
  const at = pastDeeperComments(ctx.text, lineEndAfter(ctx.text, contentEnd(seq)), column);
  const block = stringify(next.slice(items.length), { ...RENDER, indent: ctx.step });
  ctx.edits.push({ start: at, end: at, text: indentLines(block, column) });
  return true;
}

/** A list item's content (after its dash) replaced by `want`, written at the item's column. */
function itemReplacement(ctx: Ctx, node: Node, want: unknown): Edit {
  const start = node.range?.[0] ?? 0;
  const column = columnOf(ctx.text, start);
  const end = lineEndAfter(ctx.text, contentEnd(node));
  const block = indentLines(stringify(want, { ...RENDER, indent: ctx.step }), column).slice(column);
  return { start, end, text: block };
}

/** A list item's lines, from its dash to the end of its content. */
function itemRemoval(text: string, node: Node): Edit {
  let dash = (node.range?.[0] ?? 0) - 1;
  while (dash > 0 && text[dash] !== '-') dash--;
  const start = text.lastIndexOf('\n', dash - 1) + 1;
  return { start, end: lineEndAfter(text, contentEnd(node)), text: '' };
}

/** A string written in double or single quotes stays so ("127.0.0.1:9000" → "10.0.0.5:8080"). */
function sameQuotes(node: Node, next: unknown): string | undefined {
  if (!isScalar(node) || typeof next !== 'string' || typeof node.value !== 'string') return undefined;
  if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(next);
  if (node.type === Scalar.QUOTE_SINGLE && !/[\n\r]/.test(next)) return `'${next.replaceAll("'", "''")}'`;
  return undefined;
}

/** The edits that bring a flow map with the same keys to `next`, each value on its own bytes; else undefined. */
function inlineEdits(ctx: Ctx, map: YAMLMap, next: Obj): Edit[] | undefined {
  if (!sameKeys(map, next)) return undefined;
  const edits: Edit[] = [];
  for (const item of map.items) {
    const value = item.value as Node | null;
    const want = next[keyText(item)];
    if (value === null || !value.range) return undefined;
    if (deepEqual(value.toJS(ctx.doc), want)) continue;
    if (isMap(value) && value.flow && isRecord(want)) {
      const inner = inlineEdits(ctx, value, want);
      if (!inner) return undefined;
      edits.push(...inner);
      continue;
    }
    const text =
      typeof want === 'object' && want !== null
        ? oneLineFlow(want)
        : isScalar(value) && SINGLE_LINE.has(String(value.type))
          ? (sameQuotes(value, want) ?? flowScalar(want))
          : undefined;
    if (text === undefined || text.includes('\n')) return undefined;
    edits.push({ start: value.range[0], end: value.range[1], text });
  }
  return edits;
}

/** A scalar as written inside `{ }` or `[ ]`, where a plain `,` `[` `]` `{` `}` would end or open a collection. */
function flowScalar(want: unknown): string {
  const plain = stringify(want, RENDER).trimEnd();
  return typeof want === 'string' && /[,[\]{}]/.test(plain) ? JSON.stringify(want) : plain;
}

const keyText = (pair: Pair): string => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

function sameKeys(map: YAMLMap, next: Obj): boolean {
  const keys = map.items.filter(isPair).map(keyText);
  return (
    keys.length === map.items.length &&
    keys.length === Object.keys(next).length &&
    keys.every((k) => Object.hasOwn(next, k))
  );
}

const isFlow = (node: Node): boolean => (isMap(node) || isSeq(node)) && node.flow === true;

/** A flow collection (`{ a: 1 }`, `[x, y]`) written on one line stays one: the new value in flow style. */
function flowText(node: Node | null, next: unknown): string | undefined {
  if (node === null || !isFlow(node)) return undefined;
  return oneLineFlow(next);
}

function oneLineFlow(next: unknown): string | undefined {
  const d = new Document(next);
  if (isMap(d.contents) || isSeq(d.contents)) d.contents.flow = true;
  // `{ a: [x] }`: the padding most files use, inside braces only.
  const text = d.toString({ ...RENDER, flowCollectionPadding: false }).trimEnd();
  if (text.includes('\n')) return undefined;
  return /^\{.+\}$/.test(text) ? `{ ${text.slice(1, -1)} }` : text;
}

/** The whole `key: value` entry, from its key to the end of its content's line. */
function entrySpan(text: string, pair: Pair): { start: number; end: number } {
  const key = pair.key as Node;
  const start = key.range?.[0] ?? 0;
  const last = (pair.value as Node | null) ?? key;
  return { start, end: lineEndAfter(text, contentEnd(last)) };
}

function replacement(ctx: Ctx, pair: Pair, next: unknown): Edit {
  const { start, end } = entrySpan(ctx.text, pair);
  const key = isScalar(pair.key) ? pair.key.value : pair.key;
  const column = columnOf(ctx.text, start);
  const block = indentLines(stringify({ [String(key)]: next }, { ...RENDER, indent: ctx.step }), column).slice(column);
  return { start, end, text: block };
}

function removal(text: string, pair: Pair): Edit {
  const { start, end } = entrySpan(text, pair);
  return { start: start - columnOf(text, start), end, text: '' };
}

/** Applies non-overlapping edits from the end; at one offset, the later-collected (outer) edit goes first. */
function apply(text: string, edits: Edit[]): string {
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of order) {
    const before = out.slice(0, e.start);
    const gap = e.text !== '' && e.start === e.end && before !== '' && !before.endsWith('\n') ? '\n' : '';
    out = before + gap + e.text + out.slice(e.end);
  }
  return out;
}

/** JSON: mutates `target` towards `next`, keeping the order of the keys it already has. */
function bringTo(target: unknown, next: unknown): void {
  if (!isRecord(target) || !isRecord(next)) return;
  for (const k of Object.keys(target)) if (!Object.hasOwn(next, k)) delete target[k];
  for (const [k, v] of Object.entries(next)) {
    const cur = target[k];
    if (isRecord(cur) && isRecord(v)) bringTo(cur, v);
    else if (!deepEqual(cur, v)) target[k] = v;
  }
}
