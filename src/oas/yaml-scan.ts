/**
 * A single-pass reader for the YAML that Swagger files are written in: block mappings and sequences, flow
 * collections, plain, quoted and block scalars, comments, one document (an optional `---`), CRLF, a BOM. It
 * builds the value and, in the same pass, its span index (span-index.ts). It is js-yaml's loader (js-yaml 4,
 * lib/loader.js, CORE_SCHEMA) cut down to that subset and followed step for step, so the value is js-yaml's
 * and each raw position is the one js-yaml's parse events carry (the spans fastParse gives). Anything else
 * (anchors, aliases, tags, explicit keys, directives, several documents, tabs in indentation, keys that are
 * collections, entries js-yaml's events do not line up with, nesting near MAX_NESTING, and every error)
 * makes it give up with undefined; the caller then parses with js-yaml as before, which also words errors.
 */
import { type SpanIndex, SpanWriter } from './span-index.js';
import { stringTable } from './string-cache.js';
import { BLOCK_OUT, composeNode } from './yaml-nodes.js';
import { atDocumentSeparator, type Cursor, code, skipSeparationSpace, UNSUPPORTED, unsupported } from './yaml-state.js';

export interface ScannedYaml extends SpanIndex {
  value: unknown;
}

/** The value and span index of a YAML document whose root is a collection, or undefined (see above). */
export function scanYaml(text: string): ScannedYaml | undefined {
  if (text.length === 0 || text.includes('\u0000')) return undefined;
  const last = text.charCodeAt(text.length - 1);
  const t = last === 10 || last === 13 ? text : `${text}\n`;
  const bom = t.charCodeAt(0) === 0xfeff ? 1 : 0;
  const c: Cursor = {
    t,
    length: t.length,
    p: bom,
    line: 0,
    lineStart: bom,
    lineIndent: 0,
    firstTab: -1,
    depth: 0,
    result: null,
    spans: new SpanWriter(),
    record: -1,
    values: [],
    strings: stringTable(),
  };
  try {
    while (code(c, c.p) === 32) {
      c.lineIndent++;
      c.p++;
    }
    skipSeparationSpace(c, true);
    if (c.lineIndent === 0 && code(c, c.p) === 37) unsupported();
    if (c.lineIndent === 0 && code(c, c.p) === 45 && code(c, c.p + 1) === 45 && code(c, c.p + 2) === 45) {
      c.p += 3;
      // Content on the `---` line itself is left to js-yaml.
      if (skipSeparationSpace(c, true) === 0 && code(c, c.p) !== 0) unsupported();
    }
    const open = c.p;
    composeNode(c, c.lineIndent - 1, BLOCK_OUT, false, true);
    const close = c.p;
    const value = c.result;
    const record = c.record;
    skipSeparationSpace(c, true);
    if ((c.p === c.lineStart && atDocumentSeparator(c)) || c.p < c.length - 1) unsupported();
    if (typeof value !== 'object' || value === null) unsupported();
    return { value, ...c.spans.index(text, record, open, close) };
  } catch (err) {
    // A stack already deep when called could overflow short of MAX_NESTING: js-yaml's path then answers.
    if (err === UNSUPPORTED || err instanceof RangeError) return undefined;
    throw err;
  }
}
