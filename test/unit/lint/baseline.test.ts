/** The lint baseline (src/lint/baseline.ts): written by file, rule and pointer; read back; applied. */
import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineText, readBaseline } from '../../../src/lint/baseline.js';
import type { LintFinding } from '../../../src/lint/run.js';
import { parseSource } from '../../../src/oas/source.js';

const finding = (code: LintFinding['code'], source: string, path: string, extra: Partial<LintFinding> = {}) =>
  ({ code, source, path, severity: 'error', message: 'm', ...extra }) as LintFinding;

describe('baseline', () => {
  const findings = [
    finding('backend-timeout', 'specs/a.yaml', '/paths/~1a/get/x-apigateway-backend'),
    finding('backend-timeout', 'specs/a.yaml', '/paths/~1a/get/x-apigateway-backend'),
    finding('api-name', 'specs/a.yaml', '/paths/~1b/get/operationId'),
    finding('parse', 'specs/b.yaml', ''),
    finding('cors-preflight', 'specs/a.yaml', '/paths/~1c', { suppressed: { reason: 'r' } }),
  ];

  it('writes paths relative to the baseline file, sorted, once each, without suppressed findings', () => {
    const text = baselineText(findings, '/work/p/ci/baseline.yaml', '/work/p');
    expect(text.split('\n').filter((l) => !l.startsWith('#'))).toEqual([
      '"../specs/a.yaml":',
      '  api-name:',
      '    - "/paths/~1b/get/operationId"',
      '  backend-timeout:',
      '    - "/paths/~1a/get/x-apigateway-backend"',
      '"../specs/b.yaml":',
      '  parse:',
      '    - ""',
      '',
    ]);
  });

  it('round trip: what it wrote hides those findings, from another folder too; parse is never hidden', () => {
    const text = baselineText(findings, '/work/p/ci/baseline.yaml', '/work/p');
    const baseline = readBaseline(parseSource('b.yaml', text).doc?.value, '/work/p/ci/baseline.yaml');
    if (typeof baseline === 'string') throw new Error(baseline);
    const fromSpecs = findings.map((f) => ({ ...f, source: f.source.replace('specs/', '') }));
    const applied = applyBaseline(fromSpecs, baseline, '/work/p/specs');
    expect(applied.map((f) => f.baselined === true)).toEqual([true, true, true, false, false]);
    const moved = applyBaseline(
      [finding('api-name', 'specs/a.yaml', '/paths/~1z/get/operationId')],
      baseline,
      '/work/p',
    );
    expect(moved[0]?.baselined).toBeUndefined();
  });

  it('refuses what is not a baseline, saying where', () => {
    expect(readBaseline([1], 'b.yaml')).toMatch(/expected a map/);
    expect(readBaseline({ 'a.yaml': { nope: ['/x'] } }, 'b.yaml')).toBe('a.yaml: unknown rule "nope"');
    expect(readBaseline({ 'a.yaml': { 'api-name': ['x'] } }, 'b.yaml')).toMatch(/JSON pointers/);
    expect(readBaseline(null, 'b.yaml')).toEqual(new Set());
  });
});
