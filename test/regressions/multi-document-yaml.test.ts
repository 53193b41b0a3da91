/**
 * Regression: a YAML file holding two documents (`---` between them) made parsing throw a TypeError ("Cannot
 * read properties of undefined (reading 'position')"): js-yaml refuses a second document without a mark,
 * which the js-yaml path read unchecked. It is a parse diagnostic again, for small and large files alike.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SLOW_PARSE_CHARS, parseSource } from '../../src/oas/source.js';

describe('a YAML file with two documents', () => {
  it('is a parse diagnostic with its position', () => {
    const r = parseSource('two.yaml', 'swagger: "2.0"\n---\nb: 2\n');
    expect(r.doc).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('multiple documents') }),
    ]);
    expect(r.diagnostics[0]?.range?.start.line).toBe(1);
  });

  it('is a parse diagnostic in a large file too', () => {
    const big = `${'k: v\n'.replace('k', 'a')}${Array.from({ length: MAX_SLOW_PARSE_CHARS / 8 }, (_, i) => `k${i}: v\n`).join('')}---\nb: 2\n`;
    const r = parseSource('two.yaml', big);
    expect(r.doc).toBeUndefined();
    expect(r.diagnostics[0]?.message).toContain('expected a single document');
  });
});
