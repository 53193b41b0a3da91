/**
 * Flow collections on one line (`{ a: 1, b: [x, y] }`) brought to a new value entry by entry: what is kept keeps its
 * bytes (quotes, spacing, separators), changed values are written in place, new entries appended, gone ones
 * dropped with their separator. Undefined where that cannot be done (a flow collection over several lines, which
 * may hold comments): the caller writes the value anew.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { deepEqual, isRecord } from '../../oas/codec.js';
import type { Obj } from './json-edit.js';
import { pairing } from './list-pairing.js';
import { type Ctx, type Edit, flowScalar, keyText, oneLineFlow, SINGLE_LINE, sameQuotes } from './reconcile-render.js';

/** A one-line flow map brought to `next` as one edit of its span: entries kept, changed, dropped or appended. */
export function flowMapEdit(ctx: Ctx, map: YAMLMap, next: Obj): Edit | undefined {
  const text = flowMapText(ctx, map, next);
  const range = map.range;
  return text === undefined || !range ? undefined : { start: range[0], end: range[1], text };
}

function flowMapText(ctx: Ctx, map: YAMLMap, next: Obj): string | undefined {
  const range = map.range;
  if (!range) return undefined;
  const src = ctx.text.slice(range[0], range[1]);
  // A flow map over several lines may hold comments between its entries: it is not rebuilt.
  if (src.includes('\n') || !src.startsWith('{') || !src.endsWith('}')) return undefined;
  const open = /^\{\s*/.exec(src)?.[0] ?? '{';
  const close = /\s*\}$/.exec(src)?.[0] ?? '}';
  const pieces: Array<{ sep: string; text: string }> = [];
  const seen = new Set<string>();
  let prevEnd: number | undefined;
  for (const item of map.items) {
    if (!isPair(item)) return undefined;
    const key = item.key as Node | null;
    const value = item.value as Node | null;
    if (!key?.range || !value?.range) return undefined;
    const name = keyText(item);
    seen.add(name);
    const sep = prevEnd === undefined ? ', ' : ctx.text.slice(prevEnd, key.range[0]);
    prevEnd = value.range[1];
    if (!Object.hasOwn(next, name)) continue;
    const want = next[name];
    let piece = ctx.text.slice(key.range[0], value.range[1]);
    if (!deepEqual(value.toJS(ctx.doc), want)) {
      const written = flowValueText(ctx, value, want);
      if (written === undefined) return undefined;
      piece = ctx.text.slice(key.range[0], value.range[0]) + written;
    }
    pieces.push({ sep, text: piece });
  }
  for (const [k, v] of Object.entries(next)) {
    if (seen.has(k)) continue;
    const written = oneLineFlow(v);
    if (written === undefined) return undefined;
    pieces.push({ sep: ', ', text: `${flowScalar(k)}: ${written}` });
  }
  if (pieces.length === 0) return '{}';
  return open + pieces.map((p, i) => (i === 0 ? '' : p.sep) + p.text).join('') + close;
}

/** A one-line flow list brought to `next`: items paired as in a block list, kept, changed, dropped or appended. */
export function flowSeqText(ctx: Ctx, seq: YAMLSeq, next: readonly unknown[]): string | undefined {
  const range = seq.range;
  if (!range) return undefined;
  const src = ctx.text.slice(range[0], range[1]);
  if (src.includes('\n') || !src.startsWith('[') || !src.endsWith(']')) return undefined;
  const nodes = seq.items as Array<Node | null>;
  if (nodes.some((n) => !n?.range)) return undefined;
  const plan = pairing(
    nodes.map((n) => n?.toJS(ctx.doc) as unknown),
    next,
  );
  if (!plan) return undefined;
  const pieces: Array<{ sep: string; text: string }> = [];
  let prevEnd: number | undefined;
  for (const [i, node] of nodes.entries()) {
    const r = node?.range;
    if (!node || !r) return undefined;
    const sep = prevEnd === undefined ? ', ' : ctx.text.slice(prevEnd, r[0]);
    prevEnd = r[1];
    const j = plan.to[i];
    if (j === undefined) continue;
    const want = next[j];
    const text = deepEqual(node.toJS(ctx.doc), want) ? ctx.text.slice(r[0], r[1]) : flowValueText(ctx, node, want);
    if (text === undefined) return undefined;
    pieces.push({ sep, text });
  }
  for (const [j, v] of next.entries()) {
    if (plan.to.includes(j)) continue;
    const text = oneLineFlow(v);
    if (text === undefined) return undefined;
    pieces.push({ sep: ', ', text });
  }
  const open = /^\[\s*/.exec(src)?.[0] ?? '[';
  const close = /\s*\]$/.exec(src)?.[0] ?? ']';
  return pieces.length === 0 ? '[]' : open + pieces.map((p, i) => (i === 0 ? '' : p.sep) + p.text).join('') + close;
}

/** A value inside a flow collection, written anew on one line (nested flow collections entry by entry). */
function flowValueText(ctx: Ctx, node: Node, want: unknown): string | undefined {
  if (isMap(node) && node.flow && isRecord(want)) return flowMapText(ctx, node, want);
  if (isSeq(node) && node.flow && Array.isArray(want)) return flowSeqText(ctx, node, want);
  const text =
    typeof want === 'object' && want !== null
      ? oneLineFlow(want)
      : isScalar(node) && SINGLE_LINE.has(String(node.type))
        ? (sameQuotes(node, want) ?? flowScalar(want))
        : undefined;
  return text === undefined || text.includes('\n') ? undefined : text;
}
