/**
 * Regression: in a file that starts with a byte order mark, every position was off: js-yaml drops the BOM and
 * counts offsets without it, and those offsets were then read against the text with it (`/info` of the
 * document below was put at line 2, column 5, inside the `info:` key, instead of line 3, column 3). Offsets now
 * count the BOM, on the single-pass path and on the js-yaml path (a document with a tag takes that one).
 */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/oas/source.js';

const BODY = 'swagger: "2.0"\ninfo:\n  title: t\n  version: "1"\npaths: {}\n';

describe('positions in a file that starts with a BOM', () => {
  it.each([
    ['read in one pass', BODY],
    ['read by js-yaml (a tag)', `${BODY}x-a: !!str 1\n`],
  ])('%s', (_name, body) => {
    const doc = parseSource('bom.yaml', `\uFEFF${body}`).doc;
    const plain = parseSource('plain.yaml', body).doc;
    for (const [ptr, line] of [
      ['/info', 2],
      ['/info/title', 2],
      ['/paths', 4],
    ] as const) {
      expect(doc?.rangeOf(ptr)).toEqual(plain?.rangeOf(ptr));
      expect(doc?.rangeOf(ptr)?.start.line).toBe(line);
    }
    // On the first line the BOM is a character before the rest.
    expect(doc?.rangeOf('/swagger')?.start).toEqual({ line: 0, character: 10 });
  });
});
