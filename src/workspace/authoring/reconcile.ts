/**
 * Rewrites a YAML or JSON text so that it holds `next`, touching only what differs. Used when `apig import`
 * merges into an existing group file: the file's comments, key order and formatting survive wherever the
 * content did not change. YAML: one parse, edits collected from the node ranges and applied from the end
 * (removed keys, changed values, new keys appended to their map). JSON: the parsed object is brought to
 * `next` in place (existing keys keep their order) and written in the file's own indentation.
 */
import { isMap, isPair, isScalar, isSeq, stringify, type Node, type Pair, type YAMLSeq } from 'yaml';
import { ApigError } from '../../core/errors.js';
import { deepEqual, isRecord } from '../../oas/codec.js';
import type { TextFormat } from '../../oas/source.js';
import { aliasCopies, hasAliases } from './aliases.js';
import { pairing } from './list-pairing.js';
import { flowMapEdit, flowSeqText } from './reconcile-flow.js';
import { editJson, type Obj } from './json-edit.js';
import {
  applyEdits,
  type Ctx,
  type Edit,
  flowText,
  isFlow,
  itemRemoval,
  itemReplacement,
  keyText,
  removal,
  replacement,
  sameQuotes,
  SINGLE_LINE,
} from './reconcile-render.js';
import {
  contentEnd,
  indentLines,
  indentStep,
  keyColumn,
  lineEndAfter,
  parse,
  pastDeeperComments,
  RENDER,
} from './text-edit.js';

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
  if (!isMap(root) || root.flow || !isRecord(next)) {
    if (deepEqual(root?.toJS(doc), next)) return text;
    return bom + withEol(stringify(next, { ...RENDER, indent: step }), eol);
  }
  const ctx: Ctx = { text: body, step, edits: [], doc };
  reconcileMap(ctx, root, next);
  const out = applyEdits(body, withEols(ctx.edits, eol));
  if (!hasAliases(doc) || holds(out, next)) return bom + out;
  // An edit reached into an anchored node that is aliased elsewhere: the aliases get their own copy first.
  const copies = aliasCopies(ctx, ctx.edits);
  if (copies && copies.length > 0) {
    const unshared = applyEdits(body, withEols(copies, eol));
    const again: Ctx = { text: unshared, step, edits: [], doc: parse(unshared) };
    const root2 = again.doc.contents;
    if (isMap(root2)) {
      reconcileMap(again, root2, next);
      const second = applyEdits(unshared, withEols(again.edits, eol));
      if (holds(second, next)) return bom + second;
    }
  }
  throw new ApigError(
    'input',
    'cannot write the change: it reaches a part of the file that YAML anchors and aliases (&name, *name) share ' +
      'with another place; write the aliases out as copies first',
  );
}

/** Whether the text reads back as `next` (an alias that no longer resolves reads as nothing). */
function holds(text: string, next: unknown): boolean {
  try {
    return deepEqual(parse(text).toJS({ maxAliasCount: -1 }), next);
  } catch {
    return false;
  }
}

function withEols(edits: readonly Edit[], eol: string): Edit[] {
  return edits.map((e) => ({ ...e, text: withEol(e.text, eol) }));
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
    // `{ a: 1, b: 2 }`: each entry changes in place, the rest keeps its quotes and spacing.
    const inline = flowMapEdit(ctx, value, next);
    if (inline) {
      ctx.edits.push(inline);
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
  if (value !== null && isSeq(value) && value.flow && Array.isArray(next)) {
    // `[a, { b: 1 }]`: the items are paired as in a block list, each changed in place.
    const inline = flowSeqText(ctx, value, next);
    if (inline !== undefined && value.range) {
      ctx.edits.push({ start: value.range[0], end: value.range[1], text: inline });
      return;
    }
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
 * A block list brought to `next` item by item, when the change pairs its items with the target's (see
 * `pairing`): a paired item is reconciled in place (its comments stay), an unpaired one goes with its lines, and
 * the target's unpaired items are appended. False when the change pairs nothing that way.
 */
function reconcileSeq(ctx: Ctx, seq: YAMLSeq, next: readonly unknown[]): boolean {
  const items = seq.items as Node[];
  const current = items.map((n) => (n === null ? null : (n.toJS(ctx.doc) as unknown)));
  const plan = pairing(current, next);
  if (!plan) return false;
  const edits: Edit[] = [];
  for (const [i, node] of items.entries()) {
    const j = plan.to[i];
    if (j !== undefined && deepEqual(current[i], next[j])) continue;
    if (!node?.range) return false;
    if (j === undefined) {
      edits.push(itemRemoval(ctx.text, node));
      continue;
    }
    const want = next[j];
    // The first entry of a map item shares the dash's line: the map is reconciled in place only when it stays.
    const first = isMap(node) ? node.items[0] : undefined;
    if (isMap(node) && !node.flow && isPair(first) && isRecord(want) && Object.hasOwn(want, keyText(first))) {
      const inner: Ctx = { ...ctx, edits: [] };
      reconcileMap(inner, node, want);
      edits.push(...inner.edits);
      continue;
    }
    const inline = isMap(node) && node.flow && isRecord(want) ? flowMapEdit(ctx, node, want) : undefined;
    edits.push(inline ?? itemReplacement(ctx, node, want));
  }
  const added = next.filter((_, j) => !plan.to.includes(j));
  if (added.length > 0) {
    const column = keyColumn(ctx.text, seq, 0);
    const at = pastDeeperComments(ctx.text, lineEndAfter(ctx.text, contentEnd(seq)), column);
    const block = stringify(added, { ...RENDER, indent: ctx.step });
    edits.push({ start: at, end: at, text: indentLines(block, column) });
  }
  ctx.edits.push(...edits);
  return true;
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
