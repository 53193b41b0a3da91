/**
 * `parseDocument` of the `yaml` package, with its errors capped. Junk yields an error per token, and each
 * one kept with its stack trace cost about 1 KB (5 MB of junk: 1 GB and 20 s). Here the first
 * MAX_PARSE_ERRORS errors are kept, the others are only counted, and none carries a stack trace.
 */
import type { CST, Document, DocumentOptions, LineCounter, ParseOptions, YAMLError } from 'yaml';
import { yaml } from './yaml-lib.js';

export const MAX_PARSE_ERRORS = 1000;

export interface CappedDocument {
  doc: Document.Parsed;
  /** At most MAX_PARSE_ERRORS, by position. */
  errors: YAMLError[];
  /** How many more errors the text holds, and the offset of the first of them. */
  more: { count: number; offset: number };
}

export function parseCapped(
  text: string,
  lineCounter: LineCounter,
  options: ParseOptions & DocumentOptions,
): CappedDocument {
  const { Composer, Parser, YAMLParseError } = yaml();
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    let skipped = 0;
    let firstSkipped = Infinity;
    let errorTokens = 0;
    // Error tokens past the cap never reach the composer, which would make an Error of each.
    function* capped(tokens: Iterable<CST.Token>): Generator<CST.Token> {
      for (const token of tokens) {
        if (token.type === 'error' && ++errorTokens > MAX_PARSE_ERRORS) {
          skipped++;
          firstSkipped = Math.min(firstSkipped, token.offset);
        } else yield token;
      }
    }
    const composer = new Composer(options);
    let doc: Document.Parsed | undefined;
    // As parseDocument does: one document; a second one is an error.
    for (const next of composer.compose(capped(new Parser(lineCounter.addNewLine).parse(text)), true, text.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(
          new YAMLParseError(
            [next.range[0], next.range[1]],
            'MULTIPLE_DOCS',
            'Source contains multiple documents; please use YAML.parseAllDocuments()',
          ),
        );
        break;
      }
    }
    if (!doc) throw new Error('the yaml composer returned no document');
    const all = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
    const dropped = all.slice(MAX_PARSE_ERRORS);
    const more = { count: skipped + dropped.length, offset: Math.min(firstSkipped, dropped[0]?.pos[0] ?? Infinity) };
    return { doc, errors: all.slice(0, MAX_PARSE_ERRORS), more };
  } finally {
    Error.stackTraceLimit = saved;
  }
}
