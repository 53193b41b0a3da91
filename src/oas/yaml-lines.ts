/**
 * The first YAML reader tried, for the way most Swagger files are written: block mappings and sequences one
 * entry a line, keys and scalars that fit on their line (plain, or quoted without escapes), `[]` and `{}`,
 * comments and blank lines. One loop over the lines with an explicit stack of open collections: no recursion,
 * no call per line but to read a token, no object but the value, a node table of numbers for the positions
 * (yaml-line-spans.ts). A key's value or an entry it does not read (a flow collection, a block scalar, a quoted
 * scalar with escapes or over lines) is read by the full reader (yaml-nodes.ts), and the lines go on after it.
 * Its value and raw positions are the full reader's, i.e. js-yaml's. Anything else (CR, tabs, anchors, tags,
 * document markers, plain scalars over lines, keys it cannot read, nesting past MAX_LEVELS, every error) makes
 * it give up with undefined, and the caller hands the whole text to yaml-scan.ts.
 */
import { MAX_NESTING } from './nesting.js';
import { SpanWriter } from './span-index.js';
import { intern, type StringTable, stringTable } from './string-cache.js';
import { addPair, MAY_RESOLVE, NO_MAP } from './yaml-build.js';
import { resolvePlain } from './yaml-core-schema.js';
import { REFUSED, RUN_BLOCK } from './yaml-plain.js';
import { type Cursor, UNSUPPORTED } from './yaml-state.js';
import {
  appendRecord,
  growNodes,
  lineSpanIndex,
  MAPPING,
  type NodeTable,
  SCALAR,
  SEQUENCE,
} from './yaml-line-spans.js';
import { BLOCK_IN, BLOCK_OUT, composeNode } from './yaml-nodes.js';
import type { ScannedYaml } from './yaml-scan.js';

/** Open collections at most: js-yaml counts a level per collection and one for a key, far from MAX_NESTING. */
const MAX_LEVELS = MAX_NESTING >> 1;

/** A double- or single-quoted scalar on one line, with no escape and no control character but tab. */
const DOUBLE_QUOTED = /"[^"\\\x00-\x08\x0a-\x1f\x7f]*"/y;
const SINGLE_QUOTED = /'[^'\x00-\x08\x0a-\x1f\x7f]*'/y;

/** Runs of spaces by length, to check an indentation in one call. */
const SPACES = Array.from({ length: 64 }, (_, n) => ' '.repeat(n));

/** Space or line break: what must follow `- ` and a key's `:`. */
function isBreak(ch: number): boolean {
  return ch === 32 || ch === 10;
}

/** A cursor of the full reader (yaml-state.ts) over the same text, for the nodes the line reader hands on. */
function fullReader(t: string, strings: StringTable): Cursor {
  return {
    t,
    length: t.length,
    p: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTab: -1,
    depth: 0,
    result: null,
    strings,
    spans: new SpanWriter(),
    record: -1,
    values: [],
  };
}

/**
 * Reads the node at s with the full reader as it reads a mapping's value (js-yaml's composeNode in BLOCK_OUT,
 * seeking) or, levels negative, a sequence entry (BLOCK_IN, compact); its line starts at lineStart, and levels
 * collections are open around it. False where it gives up.
 */
function readNode(c: Cursor, s: number, lineStart: number, indent: number, parent: number, levels: number): boolean {
  c.p = s;
  c.line = 0;
  c.lineStart = lineStart;
  c.lineIndent = indent;
  c.firstTab = -1;
  // More levels than js-yaml counts (one a collection, one a key): near the limit, the full reader gives up.
  c.depth = 2 * Math.abs(levels) + 2;
  c.spans.reset();
  try {
    return levels < 0 ? composeNode(c, parent, BLOCK_IN, false, true) : composeNode(c, parent, BLOCK_OUT, true, false);
  } catch (err) {
    if (err === UNSUPPORTED || err instanceof RangeError) return false;
    throw err;
  }
}

/** What readToken read last: its value (a plain scalar not yet resolved), its kind, whether it is plain. */
const token = { value: null as unknown, kind: SCALAR, plain: false };

/** readToken: the full reader should read the node. */
const FULL = -2;
/** readToken: give up. */
const GIVE_UP = -1;

/**
 * The token at s, on one line: a plain or quoted scalar (interned) or an empty flow collection. Returns where it
 * ends (the value in token), FULL for a node only the full reader reads, GIVE_UP.
 * A small function of its own, so that V8 optimizes it early, apart from the line loop.
 */
function readToken(t: string, s: number, strings: StringTable): number {
  const ch = t.charCodeAt(s);
  token.kind = SCALAR;
  token.plain = false;
  if (ch === 34 || ch === 39) {
    const quoted = ch === 34 ? DOUBLE_QUOTED : SINGLE_QUOTED;
    quoted.lastIndex = s;
    // '' inside single quotes stands for one quote.
    if (!quoted.test(t) || (ch === 39 && t.charCodeAt(quoted.lastIndex) === 39)) return FULL;
    const close = quoted.lastIndex;
    token.value = close - s > 2 ? intern(strings, t, s + 1, close - 1) : '';
    return close;
  }
  if (ch === 91 || ch === 123) {
    if (t.charCodeAt(s + 1) !== (ch === 123 ? 125 : 93)) return FULL;
    token.kind = ch === 123 ? MAPPING : SEQUENCE;
    token.value = ch === 123 ? {} : [];
    return s + 2;
  }
  if (ch === 124 || ch === 62) return FULL;
  if (ch < 128 && REFUSED[ch] === 1) return GIVE_UP;
  if ((ch === 45 || ch === 63 || ch === 58) && isBreak(t.charCodeAt(s + 1))) return GIVE_UP;
  RUN_BLOCK.lastIndex = s;
  if (!RUN_BLOCK.test(t)) return GIVE_UP;
  const close = RUN_BLOCK.lastIndex;
  token.value = intern(strings, t, s, close);
  token.plain = ch < 128 && MAY_RESOLVE[ch] === 1;
  return close;
}

export function readLines(text: string): ScannedYaml | undefined {
  // CR is a line break to js-yaml (in comments too), and a BOM past the first character is content.
  if (text.includes('\r') || text.indexOf('\uFEFF', 1) >= 0) return undefined;
  const t = text.charCodeAt(text.length - 1) === 10 ? text : `${text}\n`;
  const length = t.length;
  const strings = stringTable();
  // The nodes in document order and the key of each mapping entry (yaml-line-spans.ts).
  let nodes: Int32Array = new Int32Array(3 * 4096);
  const keys: (string | undefined)[] = [];
  let count = 0;
  /** The items of the open sequences (each takes its own when it closes). */
  const values: unknown[] = [];
  // The open collections, outermost first: kind, column of their entries, node, where their items start in
  // values, the object of a mapping.
  const kinds = new Int32Array(MAX_LEVELS + 1);
  const cols = new Int32Array(MAX_LEVELS + 1);
  const nodeOf = new Int32Array(MAX_LEVELS + 1);
  const froms = new Int32Array(MAX_LEVELS + 1);
  const maps: Record<string, unknown>[] = [];
  let depth = 0;
  /** A key whose `:` ended its line: its value is on the lines after, or null. */
  let pending: string | undefined;
  let pendingOpen = 0;
  let root: unknown;
  let p = t.charCodeAt(0) === 0xfeff ? 1 : 0;
  let guess = 0;
  /** The full reader's cursor, made for the first node the line reader hands it. */
  let cursor: Cursor | undefined;
  const table: NodeTable = { nodes, count, keys };
  lines: for (;;) {
    // p is at the start of a line. Blank lines and comments are skipped.
    // Most lines are indented as the one before: that guess is checked with two reads, not one per space.
    let q = p + guess;
    let ch = t.charCodeAt(q);
    if (ch === 32 || (guess > 0 && !t.startsWith(SPACES[guess] as string, p))) {
      q = p;
      ch = t.charCodeAt(q);
      while (ch === 32) ch = t.charCodeAt(++q);
    }
    if (ch === 10) {
      p = q + 1;
      continue;
    }
    if (ch === 35) {
      p = t.indexOf('\n', q) + 1;
      continue;
    }
    const end = q >= length;
    if (end) q = length;
    const indent = end ? -1 : q - p;
    guess = indent < SPACES.length ? indent : 0;
    // `---` and `...` start no key: a document marker (at the start of the text, whatever follows `---`).
    if (indent === 0 && (ch === 45 || ch === 46) && t.charCodeAt(q + 1) === ch && t.charCodeAt(q + 2) === ch) {
      const next = t.charCodeAt(q + 3);
      if (next === 32 || next === 10 || next === 9 || next === 13 || depth === 0) return undefined;
    }
    // Room for the nodes of this line: at most three (a collection, a key's value, an empty collection).
    if (3 * count + 9 > nodes.length) nodes = growNodes(nodes);
    const item = ch === 45 && isBreak(t.charCodeAt(q + 1));
    if (pending !== undefined) {
      const top = depth - 1;
      const col = cols[top] as number;
      keys[count] = pending;
      nodes[3 * count] = pendingOpen;
      if (indent > col || (indent === col && item)) {
        // The value is a block collection starting on this line (a sequence may start at the key's column).
        if (depth > MAX_LEVELS) return undefined;
        kinds[depth] = item ? SEQUENCE : MAPPING;
        cols[depth] = indent;
        nodeOf[depth] = count;
        froms[depth] = values.length;
        maps[depth] = item ? NO_MAP : {};
        depth++;
      } else {
        // Nothing below the key: its value is null, ending where the next node starts.
        if (!addPair(maps[top] as Record<string, unknown>, pending, null)) return undefined;
        nodes[3 * count + 1] = q;
        nodes[3 * count + 2] = (count + 1) << 2;
      }
      count++;
      pending = undefined;
    }
    // Close the collections this line is not part of; each ends where the line's node starts.
    while (depth > 0) {
      const top = depth - 1;
      const col = cols[top] as number;
      const kind = kinds[top] as number;
      if (col < indent || (col === indent && (kind === SEQUENCE) === item)) break;
      // The root ends only with the text.
      if (top === 0 && !end) return undefined;
      const node = nodeOf[top] as number;
      nodes[3 * node + 1] = q;
      nodes[3 * node + 2] = (count << 2) | kind;
      let value: unknown;
      if (kind === MAPPING) value = maps[top];
      else {
        const from = froms[top] as number;
        value = values.slice(from);
        values.length = from;
      }
      depth = top;
      if (top === 0) root = value;
      else if (kinds[top - 1] === SEQUENCE) values.push(value);
      else if (!addPair(maps[top - 1] as Record<string, unknown>, keys[node] as string, value)) return undefined;
    }
    if (end) break;
    if (depth === 0) {
      // The first node: the root collection.
      kinds[0] = item ? SEQUENCE : MAPPING;
      cols[0] = indent;
      nodeOf[0] = 0;
      maps[0] = item ? NO_MAP : {};
      keys[0] = undefined;
      nodes[0] = q;
      count = 1;
      depth = 1;
    } else if (cols[depth - 1] !== indent) return undefined;
    // The line's node: a sequence entry's content, a key, or a key's value, each a token on this line.
    let s = q;
    if (item) {
      ch = t.charCodeAt(++s);
      while (ch === 32) ch = t.charCodeAt(++s);
      // An entry whose node is on later lines, or a nested `- - `: left to the full reader.
      if (ch === 10 || ch === 35 || (ch === 45 && isBreak(t.charCodeAt(s + 1)))) return undefined;
    }
    let key: string | undefined;
    let open = s;
    for (;;) {
      // One token at s: its value, its end and its kind.
      let close = readToken(t, s, strings);
      let value = token.value;
      const kind = token.kind;
      const plain = token.plain;
      if (close === GIVE_UP) return undefined;
      /** A node for the full reader: a flow collection, a block scalar, a quoted scalar with escapes or breaks. */
      const full = close === FULL;
      if (full) {
        // A key's value or an entry (not a key): the full reader reads it, the lines go on after it.
        if (key === undefined && !item) return undefined;
        cursor ??= fullReader(t, strings);
        const levels = key === undefined ? -depth : depth;
        if (!readNode(cursor, s, p, indent, cols[depth - 1] as number, levels)) return undefined;
        close = cursor.p;
        if (key === undefined) values.push(cursor.result);
        else if (!addPair(maps[depth - 1] as Record<string, unknown>, key, cursor.result)) return undefined;
        table.nodes = nodes;
        table.count = count;
        appendRecord(table, cursor.spans, cursor.record, key, open, close);
        nodes = table.nodes;
        count = table.count;
        let rest = close;
        ch = t.charCodeAt(rest);
        while (ch === 32) ch = t.charCodeAt(++rest);
        if (ch === 10 || ch === 35) p = t.indexOf('\n', rest) + 1;
        else if (rest >= length) p = length;
        // A block scalar ends past the indentation of the first line that is not its own.
        else if (cursor.line > 0 && close - cursor.lineStart === cursor.lineIndent) p = cursor.lineStart;
        else return undefined;
        continue lines;
      }
      let after = close;
      ch = t.charCodeAt(after);
      while (ch === 32) ch = t.charCodeAt(++after);
      if (ch === 58 && isBreak(t.charCodeAt(after + 1))) {
        // A key. Only one a line, and never a collection.
        if (key !== undefined || kind !== SCALAR) return undefined;
        if (plain) value = resolvePlain(value as string);
        key = typeof value === 'string' ? value : String(value);
        if (item) {
          // `- key: ...` starts a mapping inside the sequence entry, its keys at this column.
          if (depth > MAX_LEVELS) return undefined;
          kinds[depth] = MAPPING;
          cols[depth] = s - p;
          nodeOf[depth] = count;
          maps[depth] = {};
          keys[count] = undefined;
          nodes[3 * count] = s;
          count++;
          depth++;
        } else if (kinds[depth - 1] !== MAPPING) return undefined;
        open = after + 1;
        s = open;
        ch = t.charCodeAt(s);
        while (ch === 32) ch = t.charCodeAt(++s);
        if (ch === 10 || ch === 35) {
          pending = key;
          pendingOpen = open;
          break;
        }
        continue;
      }
      // The token ends the line, but for a comment.
      if (ch !== 10 && !(ch === 35 && after > close)) return undefined;
      if (plain) value = resolvePlain(value as string);
      if (key !== undefined) {
        const map = maps[depth - 1] as Record<string, unknown>;
        // The common case inline: a new key, not an array index, not `__proto__`.
        const first = key.charCodeAt(0);
        if (map[key] === undefined && (first < 48 || first > 57) && key !== '__proto__') map[key] = value;
        else if (!addPair(map, key, value)) return undefined;
      } else if (item) values.push(value);
      else return undefined;
      keys[count] = key;
      nodes[3 * count] = open;
      nodes[3 * count + 1] = close;
      nodes[3 * count + 2] = ((count + 1) << 2) | kind;
      count++;
      break;
    }
    p = t.indexOf('\n', s) + 1;
  }
  if (typeof root !== 'object' || root === null) return undefined;
  // A copy of the used part: the doubled buffer would keep up to twice as much.
  return { value: root, ...lineSpanIndex(text, nodes.slice(0, 3 * count), keys) };
}
