import { describe, expect, it } from 'vitest';
import { ruleDocUrl } from '../../../../src/lint/doc-url.js';
import { stylish } from '../../../../src/lint/formatters/stylish.js';
import { PLAIN } from '../../../../src/lint/formatters/types.js';
import { MIXED, finding, inputOf, parseFinding } from './input.js';

const DOCS = new URL('.', ruleDocUrl('parse')).href;
/** The docs folder's URL depends on where the package is: shown as <docs>/. */
const shown = (text: string): string => text.split(DOCS).join('<docs>/');

describe('stylish', () => {
  it('lists findings by file; suppressed and baselined ones are counted, not listed; one doc link per rule', () => {
    expect(shown(stylish(inputOf(MIXED), PLAIN))).toBe(
      [
        'api.yaml',
        '  api.yaml:4:5  error  parameter "x-stage" uses a reserved name  reserved-name',
        '  api.yaml:8:5  warn   the operation has no operationId  operation-id',
        '',
        'other.yaml',
        '  other.yaml:3:5  info   throttle policy "t" is not used  unused-policy',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info, 0 hints) in 2 files, 1 suppressed, 1 hidden by the baseline',
        '',
        'operation-id: <docs>/operation-id.md',
        'reserved-name: <docs>/reserved-name.md',
        'unused-policy: <docs>/unused-policy.md',
        '',
      ].join('\n'),
    );
  });

  it('a file that does not parse: its parse finding with line and column, and the parse page', async () => {
    const parse = await parseFinding();
    const out = shown(stylish(inputOf([parse]), PLAIN));
    const at = `broken.yaml:${(parse.range?.start.line ?? 0) + 1}:${(parse.range?.start.character ?? 0) + 1}`;
    expect(out).toBe(
      [
        'broken.yaml',
        `  ${at}  error  ${parse.message}  parse`,
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 info, 0 hints) in 1 file',
        '',
        'parse: <docs>/parse.md',
        '',
      ].join('\n'),
    );
    expect(parse.message).toMatch(/YAML/);
  });

  it('says how many findings past the cap a file has, after its findings', () => {
    const findings = [
      finding('reserved-name', 'error', 'a.yaml', 1, 'one'),
      finding('reserved-name', 'error', 'b.yaml', 1, 'two'),
    ];
    const out = stylish(inputOf(findings, { omitted: [{ file: 'a.yaml', count: 1234 }] }), PLAIN);
    expect(out).toContain(
      [
        '  a.yaml:2:5  error  one  reserved-name',
        '  … and 1,234 more findings in a.yaml (apig lists the first 1,000 of a file)',
        '',
        'b.yaml',
      ].join('\n'),
    );
    const one = stylish(inputOf(findings.slice(0, 1), { omitted: [{ file: 'a.yaml', count: 1 }] }), PLAIN);
    expect(one).toContain('… and 1 more finding in a.yaml (apig lists the first 1,000 of a file)\n');
  });

  it('a clean run: the summary alone, no doc links', () => {
    expect(stylish(inputOf([]), PLAIN)).toBe('✔ 0 problems (0 errors, 0 warnings, 0 info, 0 hints) in 0 files\n');
    const hidden = stylish(inputOf(MIXED.filter((f) => f.suppressed || f.baselined)), PLAIN);
    expect(hidden).toBe(
      '✔ 0 problems (0 errors, 0 warnings, 0 info, 0 hints) in 1 file, 1 suppressed, 1 hidden by the baseline\n',
    );
  });
});
