/** Regression (UX review): an empty or binary file was reported as "must be object (workspace-schema)". */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/oas/source.js';
import { parseLintConfig } from '../../src/lint/config.js';

describe('files with nothing to read', () => {
  it.each([
    ['', 'empty'],
    ['\n  \n', 'empty'],
    ['# only a comment\n# another\n', 'empty'],
  ])('%j is an empty file', (text) => {
    const r = parseSource('f.yaml', text);
    expect(r.doc).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'parse', message: 'the file is empty: expected a YAML or JSON document' }),
    ]);
  });

  it('a file holding NUL bytes is not a text file', () => {
    const r = parseSource('f.yaml', 'ELF\u0000\u0001\u0002');
    expect(r.diagnostics[0]?.message).toBe('not a text file (it holds NUL bytes): expected YAML or JSON');
  });

  it('a comment line full of # does not make the check slow or wrong', () => {
    const text = `# ${'#'.repeat(5000)}\nswagger: "2.0"\n`;
    expect(parseSource('f.yaml', text).doc).toBeDefined();
  });

  it('an empty lint configuration still means the defaults', () => {
    expect(parseLintConfig('.apiglint.yaml', '').config).toBeDefined();
    expect(parseLintConfig('.apiglint.yaml', '# nothing yet\n').config).toBeDefined();
  });
});
