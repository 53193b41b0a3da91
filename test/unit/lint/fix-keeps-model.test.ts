/**
 * The canonical-spelling fixes change nothing the gateway does: every fixture that writes documented variants
 * (real console exports, the documentation's examples) decodes to the same model after `--fix` as before, apart
 * from what the model keeps of the spelling itself (`kept`, for a lossless export).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../../src/core/model.js';
import { applyFixes } from '../../../src/lint/fix/apply.js';
import { DEFAULT_QUOTAS } from '../../../src/lint/quotas.js';
import { lintWorkspace } from '../../../src/lint/run.js';
import { detectFormat } from '../../../src/oas/source.js';
import { loadWorkspace } from '../../../src/workspace/load.js';
import { ROOT } from '../../e2e/run-cli.js';

const FIXTURES = [
  'fixtures/variants/real-exports.yaml',
  'fixtures/oas3/otc-export.yaml',
  'fixtures/examples/otc-four-backends.yaml',
  'fixtures/examples/full-featured.yaml',
  'fixtures/huawei-docs/backend-policies-v1.yaml',
  'fixtures/huawei-docs/backend.functionEndpoints.yaml',
  'fixtures/huawei-docs/ratelimit.yaml',
  'fixtures/huawei-docs/importing-apis/http-iam.openapi.yaml',
];

/** The model without what it keeps of the spelling (key order, variant values, alias keys). */
function meaning(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(meaning);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => k !== 'kept')
      .map(([k, x]) => [k, meaning(x)]),
  );
}

async function models(dir: string, file: string): Promise<{ groups: Group[]; errors: string[] }> {
  const loaded = await loadWorkspace(file, { cwd: dir, env: {}, partial: true });
  return {
    groups: loaded.workspace?.groups.map((g) => g.model) ?? [],
    errors: loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path} ${d.message}`),
  };
}

describe('canonical-spelling fixes keep the model', () => {
  it.each(FIXTURES)('%s', async (fixture) => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-fix-model-'));
    try {
      const file = basename(fixture);
      const text = readFileSync(join(ROOT, fixture), 'utf8');
      writeFileSync(join(dir, file), text);
      const before = await models(dir, file);
      const loaded = await loadWorkspace(file, { cwd: dir, env: {}, partial: true });
      const fixes = lintWorkspace(loaded.workspace, loaded.diagnostics, { quotas: DEFAULT_QUOTAS, fixes: true })
        .filter((f) => f.code === 'canonical-spelling')
        .flatMap((f) => (f.fix ? [f.fix] : []));
      const fixed = applyFixes(text, detectFormat(file, text), fixes);
      expect(fixed.outcomes.filter((o) => o.status === 'skipped')).toEqual([]);
      writeFileSync(join(dir, file), fixed.text);
      const after = await models(dir, file);
      expect(after.errors).toEqual(before.errors);
      expect(meaning(after.groups)).toEqual(meaning(before.groups));
      if (fixture.includes('real-exports')) expect(fixes.length).toBeGreaterThan(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
