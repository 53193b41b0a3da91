/**
 * Rewrites a YAML or JSON text so that it holds `next`, touching only what differs. Used when `apig import`
 * merges into an existing group file: the file's comments, key order and formatting survive wherever the
 * content did not change. YAML: one parse, edits collected from the node ranges and applied from the end
 * (removed keys, changed values, new keys appended to their map). JSON: the parsed object is brought to
 * `next` in place (existing keys keep their order) and written in the file's own indentation.
 */
import { isMap, isPair, isScalar, Scalar, stringify, type Document, type Node, type Pair } from 'yaml';
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
  const rendered = typeof next === 'object' && next !== null ? undefined : stringify(next, RENDER).trimEnd();
  if (
    value !== null &&
    isScalar(value) &&
    value.range &&
    SINGLE_LINE.has(String(value.type)) &&
    rendered !== undefined &&
    !rendered.includes('\n')
  ) {
    // A scalar for a scalar: only the value's bytes change (a comment after it on the line stays).
    ctx.edits.push({ start: value.range[0], end: value.range[1], text: rendered });
    return;
  }
  ctx.edits.push(replacement(ctx, pair, next));
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
