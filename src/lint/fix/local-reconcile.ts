/**
 * Writes fixed data into a YAML text by reconciling only the entries the fixes changed, each on its own few lines,
 * instead of the whole file: the same bytes authoring's `reconcileText` writes for the whole text, at a cost that
 * grows with what changed, not with the file (a quick fix on a large file parses a few lines, not the file).
 *
 * Why it is the same: `reconcileText` walks the maps from the root and, where a map keeps its keys, only goes down
 * into the entries whose value changed, and writes the keys a map gains after its last entry; every edit it makes
 * is worked out from the text of such an entry (its key's line to the next line that is not deeper) and the file's
 * indentation step. Here each such entry (a "unit") is cut out with those lines, followed by a sibling key that
 * stands for the line after it (none after a map's last entry: a less indented line ends the map either way), under
 * a wrapper key when it is indented, after an entry indented as little as the file's least indented line, and given
 * to `reconcileText` with its new value. Whatever does not fit this (an alias anywhere, CRLF line breaks, a cut-out
 * that does not read back as its entries, a result that does not read back as the fixed entries, edits of two units
 * that touch) is left to the whole-file path: undefined.
 */
import { isMap, isPair, isScalar, type Pair } from 'yaml';
import { deepEqual, isRecord } from '../../oas/codec.js';
import { dataOf } from '../../workspace/authoring/data-edit.js';
import { reconcileText } from '../../workspace/authoring/reconcile.js';
import { indentStep } from '../../workspace/authoring/text-edit.js';
import { type FixSource, hasNoAliases, leastIndentOf } from './source.js';

type Obj = Record<string, unknown>;

/**
 * An entry whose value changed, under maps that keep their keys; or the last entry of a map that gains keys (`added`,
 * which are written after it), whether its own value changed or not.
 */
interface Unit {
  pair: Pair;
  key: string;
  before: unknown;
  after: unknown;
  added?: Array<[string, unknown]>;
}

/** A unit's lines in the text, and what they become. */
interface Region {
  start: number;
  end: number;
  text: string;
}

/**
 * The pairs of a block map by data key, when its keys are those of `before` and all of them are in `after`; and the
 * keys only `after` has, in its order.
 */
function pairsOf(
  node: unknown,
  before: Obj,
  after: Obj,
): { pairs: Map<string, Pair>; added: Array<[string, unknown]> } | undefined {
  if (!isMap(node) || node.flow || node.items.length === 0) return undefined;
  const keys = Object.keys(before);
  if (keys.length !== node.items.length || !keys.every((k) => Object.hasOwn(after, k))) return undefined;
  const pairs = new Map<string, Pair>();
  for (const item of node.items) {
    if (!isPair(item) || !isScalar(item.key) || !item.key.range) return undefined;
    const key = String(item.key.value);
    if (!Object.hasOwn(before, key) || pairs.has(key)) return undefined;
    pairs.set(key, item);
  }
  const added = Object.entries(after).filter(([k]) => !Object.hasOwn(before, k));
  return { pairs, added };
}

/**
 * Collects the units under a map (false, collecting nothing, when the map loses a key: it is a unit itself). Keys
 * the map gains are written after its last entry (authoring's reconcile appends them there): that entry is then a
 * unit with them.
 */
function collect(node: unknown, before: Obj, after: Obj, units: Unit[]): boolean {
  const read = pairsOf(node, before, after);
  if (!read) return false;
  const last = read.added.length > 0 ? [...read.pairs.keys()].pop() : undefined;
  for (const [key, pair] of read.pairs) {
    const b = before[key];
    const a = after[key];
    if (key === last) units.push({ pair, key, before: b, after: a, added: read.added });
    else if (deepEqual(b, a)) continue;
    else if (!(isRecord(b) && isRecord(a) && collect(pair.value, b, a, units)))
      units.push({ pair, key, before: b, after: a });
  }
  return true;
}

/** A unit's lines: from its key's line to the first line after it that holds content no deeper than its key. */
function cutOf(body: string, unit: Unit): (Region & { column: number }) | undefined {
  const keyStart = isScalar(unit.pair.key) ? unit.pair.key.range?.[0] : undefined;
  if (keyStart === undefined) return undefined;
  const start = body.lastIndexOf('\n', keyStart - 1) + 1;
  if (!/^ *$/.test(body.slice(start, keyStart))) return undefined;
  const keyLineEnd = body.indexOf('\n', keyStart);
  if (keyLineEnd < 0) return undefined;
  const column = keyStart - start;
  let pos = keyLineEnd + 1;
  while (pos < body.length) {
    const nl = body.indexOf('\n', pos);
    const end = nl < 0 ? body.length : nl + 1;
    let indent = 0;
    while (pos + indent < end && body.charCodeAt(pos + indent) === 32) indent++;
    const rest = body.slice(pos + indent, end).trim();
    if (rest !== '' && !rest.startsWith('#') && indent <= column) break;
    pos = end;
  }
  const text = body.slice(start, pos);
  return text.endsWith('\n') ? { start, end: pos, text, column } : undefined;
}

/** A map with these entries as own keys, in this order (a key named `__proto__` included). */
function mapOf(entries: ReadonlyArray<readonly [string, unknown]>): Obj {
  const out: Obj = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true });
  return out;
}

/** A unit's lines as one piece of a cut-out text, and the data that piece holds before and after. */
interface Piece {
  region: Region;
  head: string;
  tail: string;
  before: Obj;
  after: Obj;
}

/**
 * The piece of a unit: its lines, followed by a sibling key at its column (what follows it in the file, as the
 * reconcile sees it), under the wrapper key `head` when it is indented (a root entry stands alone).
 */
function pieceOf(body: string, unit: Unit, wrapper: string): Piece | undefined {
  const cut = cutOf(body, unit);
  if (!cut) return undefined;
  const wrap = (o: Obj): Obj => (cut.column > 0 ? mapOf([[wrapper, o]]) : o);
  const head = cut.column > 0 ? `${wrapper}:\n` : '';
  const region = { start: cut.start, end: cut.end, text: cut.text };
  if (unit.added) {
    // The last entry of its map: what follows it (a line less indented, or the end) ends the map here too.
    return {
      region,
      head,
      tail: '',
      before: wrap(mapOf([[unit.key, unit.before]])),
      after: wrap(mapOf([[unit.key, unit.after], ...unit.added])),
    };
  }
  const stop = unit.key === '_z' ? '_y' : '_z';
  const entries = (value: unknown): Obj =>
    mapOf([
      [unit.key, value],
      [stop, 0],
    ]);
  return {
    region,
    head,
    tail: `${' '.repeat(cut.column)}${stop}: 0\n`,
    before: wrap(entries(unit.before)),
    after: wrap(entries(unit.after)),
  };
}

/**
 * Pieces reconciled together, as one cut-out text (each indented one under a wrapper key of its own): what each
 * piece's lines become; undefined when it cannot be done that way.
 */
function reconcilePieces(source: FixSource, step: number, pieces: readonly Piece[]): string[] | undefined {
  // First an entry indented as little as anything in the file is: the cut-out's indentation step (which new
  // entries are written with) is then the file's.
  const least = leastIndentOf(source);
  const roots = new Set(pieces.flatMap((p) => [...Object.keys(p.before), ...Object.keys(p.after)]));
  let name = '_s';
  while (roots.has(name)) name = `_${name}`;
  const lead = Number.isFinite(least) ? `${name}:\n${' '.repeat(least)}_t: 0\n` : '';
  const leading: Array<[string, unknown]> = lead === '' ? [] : [[name, { _t: 0 }]];
  const cut = lead + pieces.map((p) => p.head + p.region.text + p.tail).join('');
  if (indentStep(cut) !== step) return undefined;
  const before = mapOf([...leading, ...pieces.flatMap((p) => Object.entries(p.before))]);
  const after = mapOf([...leading, ...pieces.flatMap((p) => Object.entries(p.after))]);
  try {
    // The cut-out reads back as the entries it is cut from, and what is written as the fixed entries.
    if (!deepEqual(dataOf(cut, 'yaml'), before)) return undefined;
    const out = reconcileText(cut, 'yaml', after);
    if (!deepEqual(dataOf(out, 'yaml'), after)) return undefined;
    // Each piece's lines, between its head and its tail (which the reconcile leaves as they are).
    if (!out.startsWith(lead)) return undefined;
    const texts: string[] = [];
    let at = lead.length;
    for (const [i, p] of pieces.entries()) {
      if (!out.startsWith(p.head, at)) return undefined;
      at += p.head.length;
      const next = pieces[i + 1];
      const end = next === undefined ? out.length - p.tail.length : out.indexOf(`\n${p.tail}${next.head}`, at) + 1;
      if (end <= at || !out.startsWith(p.tail, end)) return undefined;
      texts.push(out.slice(at, end));
      at = end + p.tail.length;
    }
    return at === out.length ? texts : undefined;
  } catch {
    return undefined;
  }
}

/** Where `a` and `b` differ: the offsets in `a` past their common prefix and before their common suffix. */
function changedSpan(a: string, b: string): { from: number; to: number } {
  let from = 0;
  const max = Math.min(a.length, b.length);
  while (from < max && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  let tail = 0;
  while (tail < max - from && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return { from, to: a.length - tail };
}

/**
 * The source's text brought to `next` (the fixed data), as `reconcileText(source.text, 'yaml', next)` writes it;
 * undefined when the changes cannot be written entry by entry (the caller then reconciles the whole text).
 */
export function reconcileLocally(source: FixSource, next: unknown): string | undefined {
  const doc = source.doc;
  const before = source.data;
  if (doc === undefined || !isRecord(before) || !isRecord(next) || source.body.includes('\r')) return undefined;
  if (!hasNoAliases(source)) return undefined;
  const units: Unit[] = [];
  if (!collect(doc.contents, before, next, units) || units.length === 0) return undefined;
  // The indented entries are reconciled together, each under a wrapper key of its own (`_0`, `_1`...: the root
  // keys of that cut-out); the root's own entries alone.
  const pieces: Piece[] = [];
  for (const [i, unit] of units.entries()) {
    const piece = pieceOf(source.body, unit, `_${i}`);
    if (!piece) return undefined;
    pieces.push(piece);
  }
  const step = indentStep(source.body);
  const regions: Region[] = [];
  const groups = [pieces.filter((p) => p.head !== ''), ...pieces.filter((p) => p.head === '').map((p) => [p])];
  for (const group of groups) {
    if (group.length === 0) continue;
    const texts = reconcilePieces(source, step, group);
    if (!texts) return undefined;
    for (const [i, p] of group.entries()) regions.push({ ...p.region, text: texts[i] as string });
  }
  regions.sort((a, b) => a.start - b.start);
  // Edits of two units that meet at one offset: the whole-file path orders them its own way.
  let lastChange = -1;
  let lastEnd = 0;
  for (const r of regions) {
    if (r.start < lastEnd) return undefined;
    lastEnd = r.end;
    const span = changedSpan(source.body.slice(r.start, r.end), r.text);
    if (r.start + span.from <= lastChange) return undefined;
    lastChange = r.start + span.to;
  }
  let out = '';
  let at = 0;
  for (const r of regions) {
    out += source.body.slice(at, r.start) + r.text;
    at = r.end;
  }
  return source.bom + out + source.body.slice(at);
}
