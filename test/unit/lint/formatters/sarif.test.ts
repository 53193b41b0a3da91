import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleDocUrl } from '../../../../src/lint/doc-url.js';
import { artifactUri, sarif } from '../../../../src/lint/formatters/sarif.js';
import { PLAIN } from '../../../../src/lint/formatters/types.js';
import type { RuleId } from '../../../../src/lint/rule-ids.js';
import { MIXED, finding, inputOf, parseFinding } from './input.js';

/** The OASIS SARIF 2.1.0 schema (the copy test/e2e/lint.test.ts validates the CLI's output with). */
function sarifValidator() {
  const url = new URL('../../../e2e/sarif-schema-2.1.0.json', import.meta.url);
  const schema = JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
  // The schema is draft-04; its keywords here are draft-07 compatible once `id` is `$id`.
  const { $schema: _s, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: its function is the module's `default` export under NodeNext.
  (addFormatsModule as unknown as { default: (a: Ajv) => Ajv }).default(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}
const validate = sarifValidator();

interface Log {
  runs: Array<{
    tool: {
      driver: { informationUri?: string; rules: Array<{ id: string; helpUri: string; help: { text: string } }> };
    };
    invocations: Array<{
      executionSuccessful: boolean;
      toolExecutionNotifications?: Array<{
        level: string;
        message: { text: string };
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
      }>;
    }>;
    results: Array<{
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      baselineState?: string;
      suppressions?: unknown[];
      locations: Array<{
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number };
        };
      }>;
    }>;
  }>;
}

/** The log, after checking it against the SARIF 2.1.0 schema. */
function valid(text: string): Log['runs'][number] {
  const doc = JSON.parse(text) as Log;
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const run = doc.runs[0];
  if (!run) throw new Error('no run');
  return run;
}

describe('sarif', () => {
  it('a file that does not parse: a valid log whose one result is the parse error at its line and column', async () => {
    const parse = await parseFinding();
    const run = valid(sarif(inputOf([parse]), PLAIN));
    expect(run.results).toHaveLength(1);
    const [r] = run.results;
    expect(r).toMatchObject({ ruleId: 'parse', level: 'error', message: { text: parse.message } });
    expect(r?.locations[0]?.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'broken.yaml' },
      region: { startLine: (parse.range?.start.line ?? 0) + 1, startColumn: (parse.range?.start.character ?? 0) + 1 },
    });
    expect(run.tool.driver.rules[r?.ruleIndex ?? -1]?.id).toBe('parse');
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('a rule that did not run but has a finding (parse) is still described, and indexed right', async () => {
    const parse = await parseFinding();
    const input = inputOf([parse, ...MIXED], { rules: ['reserved-name', 'operation-id'] });
    const run = valid(sarif(input, PLAIN));
    const ids = run.tool.driver.rules.map((x) => x.id);
    expect(ids.slice(0, 2)).toEqual(['reserved-name', 'operation-id']);
    expect(new Set(ids)).toEqual(new Set(['reserved-name', 'operation-id', ...MIXED.map((f) => f.code), 'parse']));
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
  });

  it('helpUri and help point at the rule pages in the package, no web site', () => {
    const run = valid(sarif(inputOf(MIXED), PLAIN));
    expect(run.tool.driver.informationUri).toBeUndefined();
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toBe(ruleDocUrl(rule.id as RuleId));
      expect(rule.help.text).toContain(rule.helpUri);
    }
  });

  it('with a baseline: baselined results unchanged, every other result new; without one, no baselineState', () => {
    const withBaseline = valid(sarif(inputOf(MIXED, { baseline: true }), PLAIN));
    expect(withBaseline.results.map((r) => [r.ruleId, r.baselineState])).toEqual([
      ['reserved-name', 'new'],
      ['operation-id', 'new'],
      ['api-name', 'new'],
      ['path-syntax', 'unchanged'],
      ['unused-policy', 'new'],
    ]);
    expect(withBaseline.results.find((r) => r.ruleId === 'api-name')?.suppressions).toEqual([
      { kind: 'inSource', justification: 'legacy' },
    ]);
    const without = valid(sarif(inputOf(MIXED), PLAIN));
    expect(without.results).toHaveLength(5);
    expect(without.results.some((r) => 'baselineState' in r)).toBe(false);
  });

  it('findings past the per-file cap: a tool execution notification, the run still successful', () => {
    const run = valid(sarif(inputOf(MIXED, { omitted: [{ file: 'api.yaml', count: 42 }] }), PLAIN));
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: '… and 42 more findings in api.yaml (apig lists the first 1,000 of a file)' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'api.yaml' } } }],
          },
        ],
      },
    ]);
  });

  it('file names become valid URI references', () => {
    expect(artifactUri('specs/shop.yaml')).toBe('specs/shop.yaml');
    expect(artifactUri('specs\\my shop#1.yaml')).toBe('specs/my%20shop%231.yaml');
    expect(artifactUri('/tmp/a b/x.yaml')).toBe('file:///tmp/a%20b/x.yaml');
    expect(artifactUri('C:\\work\\x.yaml')).toBe('file:///C:/work/x.yaml');
    const odd = finding('reserved-name', 'error', 'my specs/a b#?.yaml', 0, 'x');
    const run = valid(sarif(inputOf([odd], { omitted: [{ file: 'my specs/a b#?.yaml', count: 1 }] }), PLAIN));
    expect(run.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('my%20specs/a%20b%23%3F.yaml');
  });
});
