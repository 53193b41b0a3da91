/** Formatter inputs for the format tests: findings of every kind, and a parse finding as the loader makes it. */
import type { FormatInput } from '../../../../src/lint/formatters/types.js';
import { ALL_RULE_IDS } from '../../../../src/lint/registry.js';
import type { RuleId } from '../../../../src/lint/rule-ids.js';
import { type LintFinding, sortFindings, summarize } from '../../../../src/lint/run.js';
import type { Severity } from '../../../../src/core/diagnostic.js';
import { lintText } from '../harness.js';

export function finding(
  code: RuleId,
  severity: Severity,
  source: string,
  line: number,
  message: string,
  extra: Partial<LintFinding> = {},
): LintFinding {
  return {
    code,
    severity,
    message,
    source,
    path: '/paths/~1orders/get',
    range: { start: { line, character: 4 }, end: { line, character: 12 } },
    ...extra,
  };
}

/** What the loader reports for a file that is not YAML: `parse`, an error, with its line and column. */
export async function parseFinding(): Promise<LintFinding> {
  const { findings } = await lintText({ spec: 'swagger: "2.0"\ninfo: [1\n' });
  const f = findings.find((x) => x.code === 'parse');
  if (!f) throw new Error(`no parse finding: ${JSON.stringify(findings)}`);
  return { ...f, source: 'broken.yaml' };
}

export function inputOf(findings: readonly LintFinding[], more: Partial<FormatInput> = {}): FormatInput {
  const sorted = sortFindings([...findings]);
  return {
    findings: sorted,
    omitted: [],
    summary: summarize(sorted, new Set(sorted.map((f) => f.source)).size),
    files: [...new Set(sorted.map((f) => f.source))].sort(),
    rules: ALL_RULE_IDS,
    version: '0.0.0-test',
    baseline: false,
    ...more,
  };
}

/** One of each: an error, a warning, a suppressed and a baselined finding in api.yaml, an info in other.yaml. */
export const MIXED: readonly LintFinding[] = [
  finding('reserved-name', 'error', 'api.yaml', 3, 'parameter "x-stage" uses a reserved name'),
  finding('operation-id', 'warn', 'api.yaml', 7, 'the operation has no operationId'),
  finding('api-name', 'error', 'api.yaml', 9, 'API name "a" is too short', { suppressed: { reason: 'legacy' } }),
  finding('path-syntax', 'error', 'api.yaml', 11, 'path "/a b" has a space', { baselined: true }),
  finding('unused-policy', 'info', 'other.yaml', 2, 'throttle policy "t" is not used'),
];
