import { describe, expect, it } from 'vitest';
import { ruleDocUrl } from '../../../../src/lint/doc-url.js';
import { json } from '../../../../src/lint/formatters/json.js';
import type { RuleId } from '../../../../src/lint/rule-ids.js';
import { PLAIN } from '../../../../src/lint/formatters/types.js';
import { MIXED, inputOf, parseFinding } from './input.js';

interface Row {
  code: string;
  severity: string;
  message: string;
  source: string;
  path: string;
  range: { start: { line: number; character: number } };
  documentationUrl: string;
  reason?: string;
}
interface Report {
  version: string;
  results: Row[];
  suppressed: Row[];
  omitted: Array<{ file: string; count: number }>;
  summary: Record<string, number>;
}

const report = (text: string): Report => JSON.parse(text) as Report;

describe('json', () => {
  it('a file that does not parse: one parse result (0-based range), a valid JSON report', async () => {
    const parse = await parseFinding();
    const r = report(json(inputOf([parse]), PLAIN));
    expect(r.results).toEqual([
      {
        code: 'parse',
        severity: 'error',
        message: parse.message,
        source: 'broken.yaml',
        path: '',
        range: parse.range,
        documentationUrl: ruleDocUrl('parse'),
      },
    ]);
    expect(r.summary).toMatchObject({ errors: 1, files: 1 });
    expect(r.omitted).toEqual([]);
  });

  it('baselined findings are only counted; suppressed ones listed apart with their reason; links per row', () => {
    const r = report(json(inputOf(MIXED), PLAIN));
    expect(r.results.map((x) => x.code)).toEqual(['reserved-name', 'operation-id', 'unused-policy']);
    expect(r.suppressed.map((x) => [x.code, x.reason])).toEqual([['api-name', 'legacy']]);
    expect(r.summary).toEqual({ errors: 1, warnings: 1, infos: 1, hints: 0, suppressed: 1, baselined: 1, files: 2 });
    for (const row of [...r.results, ...r.suppressed])
      expect(row.documentationUrl).toBe(ruleDocUrl(row.code as RuleId));
  });

  it('findings past the per-file cap: omitted, per file', () => {
    const r = report(json(inputOf(MIXED, { omitted: [{ file: 'api.yaml', count: 7 }] }), PLAIN));
    expect(r.omitted).toEqual([{ file: 'api.yaml', count: 7 }]);
  });
});
