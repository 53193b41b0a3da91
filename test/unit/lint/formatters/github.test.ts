import { describe, expect, it } from 'vitest';
import { github } from '../../../../src/lint/formatters/github.js';
import { PLAIN } from '../../../../src/lint/formatters/types.js';
import { MIXED, finding, inputOf, parseFinding } from './input.js';

describe('github', () => {
  it('a file that does not parse: an ::error annotation at its line and column', async () => {
    const parse = await parseFinding();
    const start = parse.range?.start ?? { line: -1, character: -1 };
    const end = parse.range?.end ?? { line: -1, character: -1 };
    expect(github(inputOf([parse]), PLAIN)).toBe(
      `::error file=broken.yaml,line=${start.line + 1},col=${start.character + 1},` +
        `endLine=${end.line + 1},endColumn=${end.character + 1},title=apig parse::${parse.message}\n`,
    );
  });

  it('one annotation per listed finding: suppressed and baselined ones are left out', () => {
    expect(github(inputOf(MIXED), PLAIN)).toBe(
      [
        '::error file=api.yaml,line=4,col=5,endLine=4,endColumn=13,title=apig reserved-name::' +
          'parameter "x-stage" uses a reserved name',
        '::warning file=api.yaml,line=8,col=5,endLine=8,endColumn=13,title=apig operation-id::' +
          'the operation has no operationId',
        '::notice file=other.yaml,line=3,col=5,endLine=3,endColumn=13,title=apig unused-policy::' +
          'throttle policy "t" is not used',
        '',
      ].join('\n'),
    );
  });

  it('findings past the per-file cap: a ::warning on the file saying how many more', () => {
    const out = github(inputOf(MIXED.slice(0, 1), { omitted: [{ file: 'specs/a,b.yaml', count: 3 }] }), PLAIN);
    expect(out.split('\n')[1]).toBe(
      '::warning file=specs/a%2Cb.yaml,title=apig lint::' +
        '… and 3 more findings in specs/a,b.yaml (apig lists the first 1,000 of a file)',
    );
  });

  it('escapes properties and data', () => {
    const f = finding('reserved-name', 'error', 'C:\\a:b.yaml', 0, '50% off\nsecond line');
    expect(github(inputOf([f]), PLAIN)).toContain('file=C%3A\\a%3Ab.yaml,');
    expect(github(inputOf([f]), PLAIN)).toContain('::50%25 off%0Asecond line\n');
  });
});
