/**
 * The node readers of the single-pass YAML reader (yaml-scan.ts): js-yaml's composeNode, readBlockSequence,
 * readBlockMapping and readFlowCollection (js-yaml 4, lib/loader.js) without node properties (tags, anchors)
 * and aliases, step for step, so that the value and each raw position are js-yaml's. They recurse once per
 * level, at most MAX_NESTING levels (keys count, as in js-yaml); past that, and wherever js-yaml throws or its
 * parse events would not line up with the value, they give up (UNSUPPORTED).
 */
import { MAX_NESTING } from './nesting.js';
import { NO_MAP, resolve, store, takeValues } from './yaml-build.js';
import { readPlainScalar } from './yaml-plain.js';
import { readBlockScalar, readDoubleQuoted, readSingleQuoted } from './yaml-scalars.js';
import { type Cursor, code, isWsOrEol, skipSeparationSpace, unsupported } from './yaml-state.js';

const FLOW_IN = 1;
const FLOW_OUT = 2;
export const BLOCK_IN = 3;
export const BLOCK_OUT = 4;

function readBlockSequence(c: Cursor, nodeIndent: number): boolean {
  const t = c.t;
  let ch = t.charCodeAt(c.p) | 0;
  // A tab before the first entry on its line: not a block collection (js-yaml's firstTabInLine).
  if (c.firstTab !== -1) return false;
  let entries = 0;
  const from = c.values.length;
  const mark = c.spans.mark();
  while (ch !== 0) {
    // A tab in the indentation: js-yaml refuses it.
    if (c.firstTab !== -1) unsupported();
    if (ch !== 45 || !isWsOrEol(t.charCodeAt(c.p + 1) | 0)) break;
    entries++;
    c.p++;
    // An entry with no node at all: js-yaml's events skip it.
    if (skipSeparationSpace(c, true) > 0 && c.lineIndent <= nodeIndent) unsupported();
    const line = c.line;
    const open = c.p;
    composeNode(c, nodeIndent, BLOCK_IN, false, true);
    c.values.push(c.result);
    c.spans.child(open, c.p, c.record);
    skipSeparationSpace(c, true);
    ch = t.charCodeAt(c.p) | 0;
    if ((c.line === line || c.lineIndent > nodeIndent) && ch !== 0) unsupported();
    if (c.lineIndent < nodeIndent) break;
  }
  if (entries === 0) return false;
  c.record = c.spans.close(mark, false);
  c.result = takeValues(c, from);
  return true;
}

/**
 * js-yaml's key node: composeNode(flowIndent, FLOW_OUT) without seeking. A plain key (the common case) is read
 * here directly, to the same effect.
 */
function readKey(c: Cursor, flowIndent: number, ch: number): boolean {
  if (ch === 34 || ch === 39 || ch === 91 || ch === 123 || ch === 33 || ch === 38 || ch === 42)
    return composeNode(c, flowIndent, FLOW_OUT, false, true);
  if (c.depth + 1 > MAX_NESTING) unsupported();
  c.record = -1;
  const plain = readPlainScalar(c, flowIndent, false);
  c.result = plain === undefined ? null : resolve(plain);
  return plain !== undefined;
}

/** Characters after which composeNode does more than read a plain scalar: # ! & * [ { | > ' " and line breaks. */
const NOT_PLAIN = new Uint8Array(128);
for (const ch of '\t\r\n#!&*[{|>\'"') NOT_PLAIN[ch.charCodeAt(0)] = 1;

/**
 * A block mapping's value: composeNode(nodeIndent, BLOCK_OUT), seeking, not compact. A plain scalar on the key's
 * line (the common case) is read here directly, to the same effect.
 */
function readValue(c: Cursor, nodeIndent: number): void {
  const t = c.t;
  let p = c.p;
  let ch = t.charCodeAt(p) | 0;
  while (ch === 32) ch = t.charCodeAt(++p) | 0;
  if (ch === 0 || (ch < 128 && NOT_PLAIN[ch] === 1) || c.depth + 1 > MAX_NESTING) {
    composeNode(c, nodeIndent, BLOCK_OUT, true, false);
    return;
  }
  c.p = p;
  c.record = -1;
  const plain = readPlainScalar(c, nodeIndent + 1, false);
  c.result = plain === undefined ? null : resolve(plain);
}

function readBlockMapping(c: Cursor, nodeIndent: number, flowIndent: number): boolean {
  const t = c.t;
  let ch = t.charCodeAt(c.p) | 0;
  if (c.firstTab !== -1) return false;
  let map: Record<string, unknown> | undefined;
  const mark = c.spans.mark();
  while (ch !== 0) {
    if (c.firstTab !== -1) unsupported();
    const line = c.line;
    if ((ch === 63 || ch === 58) && isWsOrEol(t.charCodeAt(c.p + 1) | 0)) unsupported();
    if (!readKey(c, flowIndent, ch)) {
      // js-yaml's events would hold this empty key: they no longer line up.
      if (map) unsupported();
      break;
    }
    if (c.line === line) {
      ch = t.charCodeAt(c.p) | 0;
      while (ch === 32 || ch === 9) ch = t.charCodeAt(++c.p) | 0;
    }
    if (c.line !== line || ch !== 58) {
      if (map) unsupported();
      // Not a mapping: the node read stands for itself.
      return true;
    }
    if (!isWsOrEol(t.charCodeAt(++c.p) | 0)) unsupported();
    const key = c.result;
    map ??= {};
    const open = c.p;
    readValue(c, nodeIndent);
    store(c, map, key, c.result, open);
    skipSeparationSpace(c, true);
    ch = t.charCodeAt(c.p) | 0;
    if ((c.line === line || c.lineIndent > nodeIndent) && ch !== 0) unsupported();
    if (c.lineIndent < nodeIndent) break;
  }
  if (!map) return false;
  c.record = c.spans.close(mark, true);
  c.result = map;
  return true;
}

function readFlowCollection(c: Cursor, nodeIndent: number): boolean {
  const first = code(c, c.p);
  if (first !== 91 && first !== 123) return false;
  const isMapping = first === 123;
  const terminator = isMapping ? 125 : 93;
  const map: Record<string, unknown> = isMapping ? {} : NO_MAP;
  const from = c.values.length;
  const mark = c.spans.mark();
  let readNext = true;
  let ch = code(c, ++c.p);
  while (ch !== 0) {
    skipSeparationSpace(c, true);
    ch = code(c, c.p);
    if (ch === terminator) {
      c.p++;
      c.record = c.spans.close(mark, isMapping);
      c.result = isMapping ? map : takeValues(c, from);
      return true;
    }
    if (!readNext || ch === 44 || (ch === 63 && isWsOrEol(code(c, c.p + 1)))) unsupported();
    const line = c.line;
    const open = c.p;
    if (!composeNode(c, nodeIndent, FLOW_IN, false, true)) unsupported();
    const close = c.p;
    const key = c.result;
    const record = c.record;
    skipSeparationSpace(c, true);
    ch = code(c, c.p);
    const pair = c.line === line && ch === 58;
    // A pair in a sequence, or a key without a value: js-yaml's events do not line up with the value.
    if (pair !== isMapping) unsupported();
    if (pair) {
      c.p++;
      skipSeparationSpace(c, true);
      const valueOpen = c.p;
      composeNode(c, nodeIndent, FLOW_IN, false, true);
      store(c, map, key, c.result, valueOpen);
    } else {
      c.values.push(key);
      c.spans.child(open, close, record);
    }
    skipSeparationSpace(c, true);
    ch = code(c, c.p);
    readNext = ch === 44;
    if (readNext) ch = code(c, ++c.p);
  }
  return unsupported();
}

/** js-yaml's composeNode without node properties (tags, anchors) and aliases. */
export function composeNode(
  c: Cursor,
  parentIndent: number,
  ctx: number,
  allowToSeek: boolean,
  allowCompact: boolean,
): boolean {
  // js-yaml counts depth per node (keys too); past MAX_NESTING the js-yaml path words the diagnostic.
  if (++c.depth > MAX_NESTING) unsupported();
  c.result = null;
  c.record = -1;
  const block = ctx === BLOCK_OUT || ctx === BLOCK_IN;
  let indentStatus = 1;
  let atNewLine = false;
  if (allowToSeek && skipSeparationSpace(c, true) > 0) {
    atNewLine = true;
    indentStatus = c.lineIndent > parentIndent ? 1 : c.lineIndent === parentIndent ? 0 : -1;
  }
  const ch = c.t.charCodeAt(c.p) | 0;
  // A tag, an anchor or an alias.
  if (ch === 33 || ch === 38 || ch === 42) unsupported();
  const blockCollections = block && (atNewLine || allowCompact);
  let has = true;
  if (indentStatus === 1) {
    const flowIndent = block ? parentIndent + 1 : parentIndent;
    const blockIndent = c.p - c.lineStart;
    // The readers are asked in js-yaml's order; one that cannot start at ch is not asked (it would say no).
    const collection =
      (blockCollections && ch === 45 && readBlockSequence(c, blockIndent)) ||
      (blockCollections && readBlockMapping(c, blockIndent, flowIndent)) ||
      ((ch === 91 || ch === 123) && readFlowCollection(c, flowIndent));
    if (collection) {
      // c.result and c.record are the collection's.
    } else if (block && (ch === 124 || ch === 62)) c.result = readBlockScalar(c, flowIndent);
    else if (ch === 39) c.result = readSingleQuoted(c);
    else if (ch === 34) c.result = readDoubleQuoted(c);
    else {
      const plain = readPlainScalar(c, flowIndent, ctx === FLOW_IN);
      if (plain === undefined) has = false;
      else c.result = resolve(plain);
    }
  } else has = indentStatus === 0 && ctx === BLOCK_OUT && blockCollections && readBlockSequence(c, c.p - c.lineStart);
  c.depth--;
  return has;
}
