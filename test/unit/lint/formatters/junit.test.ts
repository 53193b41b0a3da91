import { describe, expect, it } from 'vitest';
import { junit } from '../../../../src/lint/formatters/junit.js';
import { PLAIN } from '../../../../src/lint/formatters/types.js';
import { MIXED, finding, inputOf, parseFinding } from './input.js';

/** The <testcase> elements of one file, by rule: self-closed (passed) or with their failure. */
function cases(xml: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = new RegExp(`<testcase classname="${file}" name="([a-z-]+)"(/>|>\\n\\s*(<failure[^]*?</failure>))`, 'g');
  for (const m of xml.matchAll(re)) out.set(m[1] ?? '', m[3] ?? 'passed');
  return out;
}

/** Attribute values of the <testsuites> element and of each <testsuite>. */
const attributes = (xml: string, element: string): Array<Record<string, string>> =>
  [...xml.matchAll(new RegExp(`<${element} ([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );

describe('junit', () => {
  it('a file that does not parse: its parse test case fails, at the line and column', async () => {
    const parse = await parseFinding();
    const xml = junit(inputOf([parse], { rules: ['parse', 'reserved-name'] }), PLAIN);
    const at = `broken.yaml:${(parse.range?.start.line ?? 0) + 1}:${(parse.range?.start.character ?? 0) + 1}`;
    expect(cases(xml, 'broken.yaml')).toEqual(
      new Map([
        ['parse', `<failure message="${parse.message}" type="error">${at} error ${parse.message} (#)</failure>`],
        ['reserved-name', 'passed'],
      ]),
    );
    expect(attributes(xml, 'testsuites')).toEqual([{ name: 'apig lint', tests: '2', failures: '1' }]);
  });

  it('a finding whose rule or file the input did not list still fails a test case', async () => {
    const parse = await parseFinding();
    const xml = junit(inputOf([parse], { rules: ['reserved-name'], files: [] }), PLAIN);
    expect(cases(xml, 'broken.yaml').get('parse')).toMatch(/^<failure /);
  });

  it('suppressed and baselined findings do not fail; past the cap, system-out says how many more', () => {
    const xml = junit(
      inputOf(MIXED, {
        // operation-id is not among them: its finding adds its case.
        rules: ['reserved-name', 'api-name', 'path-syntax', 'unused-policy'],
        omitted: [{ file: 'api.yaml', count: 5 }],
      }),
      PLAIN,
    );
    const api = cases(xml, 'api.yaml');
    expect([...api.entries()].filter(([, v]) => v !== 'passed').map(([k]) => k)).toEqual([
      'reserved-name',
      'operation-id',
    ]);
    expect(api.get('api-name')).toBe('passed');
    expect(api.get('path-syntax')).toBe('passed');
    expect(xml).toContain(
      '<system-out>… and 5 more findings in api.yaml (apig lists the first 1,000 of a file)</system-out>\n' +
        '  </testsuite>\n  <testsuite name="other.yaml"',
    );
    expect(attributes(xml, 'testsuite').map((s) => [s.name, s.failures])).toEqual([
      ['api.yaml', '2'],
      ['other.yaml', '1'],
    ]);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const f = finding('reserved-name', 'error', 'a.yaml', 0, 'bad <"&"> byte \u0000 here');
    const xml = junit(inputOf([f], { rules: ['reserved-name'] }), PLAIN);
    expect(xml).toContain('message="bad &lt;&quot;&amp;&quot;&gt; byte \uFFFD here"');
    expect(xml).not.toContain('\u0000');
  });
});
