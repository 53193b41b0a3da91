/**
 * A parsed YAML or JSON document with the positions of its nodes, so that every diagnostic can name
 * file:line:col. Three readers, fastest first: one pass over the text (yaml-scan.ts; JSON.parse for JSON,
 * json-spans.ts), js-yaml (fast-yaml.ts) where that pass gives up, and the `yaml` package's parse tree where
 * js-yaml does (anchors, and the wording of every error). The first two agree on every value and position
 * (test/property/yaml-scan.property.test.ts).
 */
import type { Diagnostic, Range } from '../core/diagnostic.js';
import { parsePointer } from '../core/pointer.js';
import { fastParse } from './fast-yaml.js';
import { parseJson } from './json-spans.js';
import { TOO_DEEP, tooDeepAt } from './nesting.js';
import { firstLine, isStackOverflow, jsonError, parseDiag, shorten } from './parse-errors.js';
import { lineIndex, nodeAt, offsetRange } from './positions.js';
import { mayHoldRef } from './refs.js';
import { MAX_PARSE_ERRORS, parseCapped } from './yaml-document.js';
import type { SpanIndex } from './span-index.js';
import { yaml } from './yaml-lib.js';
import { readLines } from './yaml-lines.js';
import { scanYaml } from './yaml-scan.js';

export type TextFormat = 'yaml' | 'json';

export interface SourceDoc {
  /** The file name as the user gave it (used in diagnostics). */
  file: string;
  format: TextFormat;
  value: unknown;
  /** Range of the node at a JSON pointer, or of its nearest existing ancestor. */
  rangeOf(pointer: string): Range | undefined;
  /** False when the text cannot hold a `$ref` (refs.ts mayHoldRef): the loader skips checkRefs' walk then. */
  mayHoldRefs?: boolean;
}

/** Aliases that expand beyond this count are refused (billion-laughs protection). */
const MAX_ALIAS_COUNT = 1000;

/** Files up to this size that do not parse are parsed again by the yaml package, which words every error. */
export const MAX_SLOW_PARSE_CHARS = 128 * 1024;

export function detectFormat(file: string, text: string): TextFormat {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

export function parseSource(file: string, text: string): { doc?: SourceDoc; diagnostics: Diagnostic[] } {
  const at0: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (text.includes('\u0000'))
    return { diagnostics: [parseDiag(file, 'not a text file (it holds NUL bytes): expected YAML or JSON', at0)] };
  if (holdsNothing(text))
    return { diagnostics: [parseDiag(file, 'the file is empty: expected a YAML or JSON document', at0)] };
  const format = detectFormat(file, text);
  // One pass with positions (JSON.parse for JSON; for YAML the line reader, else the full one); the js-yaml
  // path below whenever that pass gives up.
  const quick = format === 'json' ? parseJson(text) : (readLines(text) ?? scanYaml(text));
  if (quick) return { doc: located(file, format, text, quick.value, quick), diagnostics: [] };
  const fast = fastParse(text);
  if (fast && 'tooDeepAt' in fast)
    return {
      diagnostics: [parseDiag(file, `invalid ${format.toUpperCase()}: ${TOO_DEEP}`, offsetRange(text, fast.tooDeepAt))],
    };
  const json = format === 'json' ? jsonError(text) : undefined;
  if (fast && 'value' in fast && !json) return { doc: located(file, format, text, fast.value, fast), diagnostics: [] };
  // The yaml parse tree costs 100 to 300 bytes per character: a large file that does not parse gets the
  // first error the fast path (or JSON.parse) found, instead of every error the yaml package would word.
  const fastError = fast && 'error' in fast ? fast.error : undefined;
  // JSON.parse does not always say where (V8 names no position for an unexpected token): js-yaml does.
  const first = json ? { reason: json.reason, offset: json.offset ?? fastError?.offset ?? 0 } : fastError;
  if (first && text.length > MAX_SLOW_PARSE_CHARS) {
    const note = ` (apig reports only the first error of a file over ${MAX_SLOW_PARSE_CHARS / 1024} KB)`;
    return {
      diagnostics: [
        parseDiag(
          file,
          `invalid ${format.toUpperCase()}: ${shorten(first.reason)}${note}`,
          offsetRange(text, first.offset),
        ),
      ],
    };
  }
  return slowParse(file, text, format);
}

/**
 * A document whose ranges come from a span index; the line index too is built on the first look-up, which
 * lets go of the text (the span index does the same): a large file's text does not outlive its parse.
 */
function located(file: string, format: TextFormat, text: string, value: unknown, spans: SpanIndex): SourceDoc {
  let pending: string | undefined = text;
  let at: ReturnType<typeof lineIndex> | undefined;
  return {
    file,
    format,
    value,
    mayHoldRefs: mayHoldRef(text),
    rangeOf: (ptr) => {
      if (pending !== undefined) {
        at = lineIndex(pending);
        pending = undefined;
      }
      const span = spans.spanOf(parsePointer(ptr));
      const lineOf = at as ReturnType<typeof lineIndex>;
      return { start: lineOf(span.start), end: lineOf(span.end) };
    },
  };
}

/** Only blank lines and comments (a line-by-line check: a regular expression here could backtrack badly). */
export function holdsNothing(text: string): boolean {
  // Line by line without splitting: a large file should not become a million strings to find its first line.
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const t = text.slice(start, end).trim();
    if (t !== '' && !t.startsWith('#')) return false;
    start = end + 1;
  }
  return true;
}

/** The `yaml` package's parse tree: every error message, anchors and aliases, whenever the fast path gives up. */
function slowParse(file: string, text: string, format: TextFormat): { doc?: SourceDoc; diagnostics: Diagnostic[] } {
  const { LineCounter } = yaml();
  const lineCounter = new LineCounter();
  const toRange = (offset: number, end: number): Range => {
    const s = lineCounter.linePos(offset);
    const e = lineCounter.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  const invalid = `invalid ${format.toUpperCase()}`;
  // The yaml parser recurses per level of nesting: too deep a document is refused before it is parsed.
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { diagnostics: [parseDiag(file, `${invalid}: ${TOO_DEEP}`, offsetRange(text, deep))] };
  let parsed: ReturnType<typeof parseCapped>;
  try {
    parsed = parseCapped(text, lineCounter, { uniqueKeys: true, strict: true });
  } catch (err) {
    if (isStackOverflow(err))
      return { diagnostics: [parseDiag(file, `${invalid}: ${TOO_DEEP}`, offsetRange(text, 0))] };
    throw err;
  }
  const ydoc = parsed.doc;
  const parseErrors = parsed.errors;
  if (format === 'json' && parseErrors.length === 0) {
    // YAML accepts more than JSON (comments, single quotes, unquoted keys); a .json file must be JSON.
    const json = jsonError(text);
    if (json)
      return {
        diagnostics: [
          parseDiag(file, `invalid JSON: ${shorten(json.reason)}`, toRange(json.offset ?? 0, json.offset ?? 0)),
        ],
      };
  }
  if (parseErrors.length > 0) {
    const diagnostics = parseErrors.map((e) =>
      parseDiag(file, `${invalid}: ${shorten(firstLine(e.message))}`, toRange(e.pos[0], e.pos[1])),
    );
    const { count, offset } = parsed.more;
    if (count > 0) {
      diagnostics.push(
        parseDiag(
          file,
          `${invalid}: ${count} more error(s) from here on are not listed (apig lists the first ${MAX_PARSE_ERRORS})`,
          toRange(offset, offset),
        ),
      );
    }
    return { diagnostics };
  }
  let value: unknown;
  try {
    value = ydoc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = isStackOverflow(err) ? TOO_DEEP : (err as Error).message;
    return { diagnostics: [parseDiag(file, `${invalid}: ${message}`, toRange(0, 0))] };
  }
  const rangeOf = (ptr: string): Range | undefined => {
    const node = nodeAt(ydoc, parsePointer(ptr));
    const r = node?.range;
    return r ? toRange(r[0], r[1]) : undefined;
  };
  return { doc: { file, format, value, rangeOf, mayHoldRefs: mayHoldRef(text) }, diagnostics: [] };
}

/** Adds ranges to diagnostics that carry only a pointer, and sorts them by position. */
export function locate(doc: SourceDoc, diags: readonly Diagnostic[]): Diagnostic[] {
  const located = diags.map((d) =>
    d.range || d.source !== doc.file
      ? d
      : { ...d, range: doc.rangeOf(d.path) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
  );
  const pos = (d: Diagnostic): number => (d.range ? d.range.start.line * 1e6 + d.range.start.character : 0);
  return located.sort((a, b) => (a.source === b.source ? pos(a) - pos(b) : 0));
}
