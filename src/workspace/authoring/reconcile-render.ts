/**
 * The edits reconcile.ts makes, each one span of the text and what replaces it: a value, an entry, a list
 * item, removed or written anew in the style of what was there (quotes, flow or block, indentation).
 */
import { type Document, isMap, isScalar, isSeq, Scalar, stringify, type Node, type Pair } from 'yaml';
import { columnOf, contentEnd, indentLines, lineEndAfter, RENDER } from './text-edit.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Ctx {
  text: string;
  step: number;
  edits: Edit[];
  /** For resolving aliases when comparing (an alias equals what it points to). */
  doc: Document;
}

export const SINGLE_LINE = new Set<string>([Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE]);

export const keyText = (pair: Pair): string => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

export const isFlow = (node: Node): boolean => (isMap(node) || isSeq(node)) && node.flow === true;

/** A string written in double or single quotes stays so ("127.0.0.1:9000" → "10.0.0.5:8080"). */
export function sameQuotes(node: Node, next: unknown): string | undefined {
  if (!isScalar(node) || typeof next !== 'string' || typeof node.value !== 'string') return undefined;
  if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(next);
  if (node.type === Scalar.QUOTE_SINGLE && !/[\n\r]/.test(next)) return `'${next.replaceAll("'", "''")}'`;
  return undefined;
}

/** A scalar as written inside `{ }` or `[ ]`, where a plain `,` `[` `]` `{` `}` would end or open a collection. */
export function flowScalar(want: unknown): string {
  const plain = stringify(want, RENDER).trimEnd();
  return typeof want === 'string' && /[,[\]{}]/.test(plain) ? JSON.stringify(want) : plain;
}

/**
 * A value on one line in flow style, as most files write one: `{ a: 1, b: [x, y] }` (padding inside braces,
 * none inside brackets, at every depth); undefined when a scalar needs more than one line.
 */
export function oneLineFlow(next: unknown): string | undefined {
  if (Array.isArray(next)) {
    const items = next.map(oneLineFlow);
    return items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (typeof next === 'object' && next !== null) {
    const entries = Object.entries(next).map(([k, v]) => {
      const value = oneLineFlow(v);
      return value === undefined ? undefined : `${flowScalar(k)}: ${value}`;
    });
    if (entries.some((e) => e === undefined)) return undefined;
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  const text = flowScalar(next);
  return text.includes('\n') ? undefined : text;
}

/** A flow collection (`{ a: 1 }`, `[x, y]`) written on one line stays one: the new value in flow style. */
export function flowText(node: Node | null, next: unknown): string | undefined {
  if (node === null || !isFlow(node)) return undefined;
  return oneLineFlow(next);
}

/** The whole `key: value` entry, from its key to the end of its content's line. */
function entrySpan(text: string, pair: Pair): { start: number; end: number } {
  const key = pair.key as Node;
  const start = key.range?.[0] ?? 0;
  const last = (pair.value as Node | null) ?? key;
  return { start, end: lineEndAfter(text, contentEnd(last)) };
}

/** The entry written anew with `next` (block style, at the key's column). */
export function replacement(ctx: Ctx, pair: Pair, next: unknown): Edit {
  const { start, end } = entrySpan(ctx.text, pair);
  const key = isScalar(pair.key) ? pair.key.value : pair.key;
  const column = columnOf(ctx.text, start);
  const block = indentLines(stringify({ [String(key)]: next }, { ...RENDER, indent: ctx.step }), column).slice(column);
  return { start, end, text: block };
}

export function removal(text: string, pair: Pair): Edit {
  const { start, end } = entrySpan(text, pair);
  return { start: start - columnOf(text, start), end, text: '' };
}

/** A list item's content (after its dash) replaced by `want`, written at the item's column. */
export function itemReplacement(ctx: Ctx, node: Node, want: unknown): Edit {
  const start = node.range?.[0] ?? 0;
  const column = columnOf(ctx.text, start);
  const end = lineEndAfter(ctx.text, contentEnd(node));
  const block = indentLines(stringify(want, { ...RENDER, indent: ctx.step }), column).slice(column);
  return { start, end, text: block };
}

/** A list item's lines, from its dash to the end of its content. */
export function itemRemoval(text: string, node: Node): Edit {
  let dash = (node.range?.[0] ?? 0) - 1;
  while (dash > 0 && text[dash] !== '-') dash--;
  const start = text.lastIndexOf('\n', dash - 1) + 1;
  return { start, end: lineEndAfter(text, contentEnd(node)), text: '' };
}

/** Applies non-overlapping edits from the end; at one offset, the later-collected (outer) edit goes first. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of order) {
    const before = out.slice(0, e.start);
    const gap = e.text !== '' && e.start === e.end && before !== '' && !before.endsWith('\n') ? '\n' : '';
    out = before + gap + e.text + out.slice(e.end);
  }
  return out;
}
