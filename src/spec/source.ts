/**
 * A parsed YAML or JSON document with the positions of its nodes, so that every diagnostic can name
 * file:line:col (positions come from the `yaml` package's parse tree).
 */
import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import type { Diagnostic, Position, Range } from '../core/diagnostic.js';
import { fastParse } from './fast-yaml.js';
import { parsePointer } from '../core/pointer.js';

export type TextFormat = 'yaml' | 'json';

export interface SourceDoc {
  /** The file name as the user gave it (used in diagnostics). */
  file: string;
  format: TextFormat;
  value: unknown;
  /** Range of the node at a JSON pointer, or of its nearest existing ancestor. */
  rangeOf(pointer: string): Range | undefined;
}

/** Aliases that expand beyond this count are refused (billion-laughs protection). */
const MAX_ALIAS_COUNT = 1000;

export function detectFormat(file: string, text: string): TextFormat {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

/** Offset → 0-based line and character, by binary search over the line starts. */
function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - (starts[lo] ?? 0) };
  };
}

export function parseSource(file: string, text: string): { doc?: SourceDoc; diagnostics: Diagnostic[] } {
  const at0: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (text.includes('\u0000')) return { diagnostics: [parseDiag(file, 'not a text file (it holds NUL bytes): expected YAML or JSON', at0)] };
  if (holdsNothing(text)) return { diagnostics: [parseDiag(file, 'the file is empty: expected a YAML or JSON document', at0)] };
  const format = detectFormat(file, text);
  const fast = fastParse(text);
  if (fast && (format !== 'json' || isJson(text))) {
    const at = lineIndex(text);
    return {
      doc: {
        file, format, value: fast.value,
        rangeOf: (ptr) => {
          const span = fast.spanOf(parsePointer(ptr));
          return { start: at(span.start), end: at(span.end) };
        },
      },
      diagnostics: [],
    };
  }
  return slowParse(file, text, format);
}

/** Only blank lines and comments (a line-by-line check: a regular expression here could backtrack badly). */
export function holdsNothing(text: string): boolean {
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t !== '' && !t.startsWith('#')) return false;
  }
  return true;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
/** The `yaml` package, loaded on first use: the fast path (fast-yaml.ts) usually makes it unnecessary. */
function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
}

/** The `yaml` package's parse tree: every error message, anchors and aliases, whenever the fast path gives up. */
function slowParse(file: string, text: string, format: TextFormat): { doc?: SourceDoc; diagnostics: Diagnostic[] } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const ydoc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const toRange = (offset: number, end: number): Range => {
    const s = lineCounter.linePos(offset);
    const e = lineCounter.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  const parseErrors = [...ydoc.errors];
  if (format === 'json' && parseErrors.length === 0) {
    // YAML accepts more than JSON (comments, single quotes, unquoted keys); a .json file must be JSON.
    try {
      JSON.parse(text);
    } catch (err) {
      const m = /position (\d+)/.exec(String(err));
      const at = m ? Number(m[1]) : 0;
      return { diagnostics: [parseDiag(file, `invalid JSON: ${(err as Error).message}`, toRange(at, at))] };
    }
  }
  if (parseErrors.length > 0) {
    return {
      diagnostics: parseErrors.map((e) =>
        parseDiag(file, `invalid ${format.toUpperCase()}: ${firstLine(e.message)}`, toRange(e.pos[0], e.pos[1]))),
    };
  }
  let value: unknown;
  try {
    value = ydoc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return { diagnostics: [parseDiag(file, `invalid ${format.toUpperCase()}: ${(err as Error).message}`, toRange(0, 0))] };
  }
  const rangeOf = (ptr: string): Range | undefined => {
    const node = nodeAt(ydoc, parsePointer(ptr));
    const r = node?.range;
    return r ? toRange(r[0], r[1]) : undefined;
  };
  return { doc: { file, format, value, rangeOf }, diagnostics: [] };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function parseDiag(file: string, message: string, range: Range): Diagnostic {
  return { code: 'parse-error', severity: 'error', message, path: '', source: file, range };
}

/** The deepest node along the pointer (the node itself when it exists). */
function nodeAt(doc: Document, segments: readonly string[]): Node | undefined {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  for (const seg of segments) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg);
      next = pair ? (pair.value ?? pair.key) : undefined;
    } else if (isSeq(node)) {
      next = node.items[Number(seg)];
    }
    if (next === undefined || next === null) break;
    node = next;
  }
  return node as Node | undefined;
}

/** Adds ranges to diagnostics that carry only a pointer, and sorts them by position. */
export function locate(doc: SourceDoc, diags: readonly Diagnostic[]): Diagnostic[] {
  const located = diags.map((d) => (d.range || d.source !== doc.file ? d : { ...d, range: doc.rangeOf(d.path) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
  const pos = (d: Diagnostic): number => (d.range ? d.range.start.line * 1e6 + d.range.start.character : 0);
  return located.sort((a, b) => (a.source === b.source ? pos(a) - pos(b) : 0));
}
