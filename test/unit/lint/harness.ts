/** Lints Swagger / apig.yaml text in a temp folder, in-process. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintWorkspace, type LintFinding } from '../../../src/lint/run.js';
import { DEFAULT_QUOTAS, type Quotas } from '../../../src/lint/quotas.js';
import { loadWorkspace } from '../../../src/workspace/load.js';

export interface LintCase {
  spec: string;
  workspace?: string;
  quotas?: Partial<Quotas>;
}

export async function lintText(c: LintCase): Promise<{ findings: LintFinding[]; files: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'apig-lint-'));
  writeFileSync(join(dir, 'api.yaml'), c.spec);
  const files: Record<string, string> = { 'api.yaml': c.spec };
  if (c.workspace !== undefined) {
    writeFileSync(join(dir, 'apig.yaml'), c.workspace);
    files['apig.yaml'] = c.workspace;
  }
  const loaded = await loadWorkspace(c.workspace !== undefined ? 'apig.yaml' : 'api.yaml', { cwd: dir, env: {} });
  const findings = lintWorkspace(loaded.workspace, loaded.diagnostics, { quotas: { ...DEFAULT_QUOTAS, ...c.quotas } });
  return { findings, files };
}

/** 0-based line and character of the first occurrence of `marker` in `text`. */
export function positionOf(text: string, marker: string): { line: number; character: number } {
  const i = text.indexOf(marker);
  if (i < 0) throw new Error(`marker not found: ${marker}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

export const HEAD = 'swagger: "2.0"\ninfo:\n  title: lint_test\n  version: "1"\n';

/** A valid operation; `extra` lines are appended at operation level (6 spaces). */
export function op(opts: { path?: string; method?: string; id?: string; params?: string; extra?: string; backend?: string } = {}): string {
  const backend = opts.backend ?? '        type: MOCK\n        mockEndpoints:\n          result-content: ok\n';
  return `  ${opts.path ?? '/a'}:\n    ${opts.method ?? 'get'}:\n      operationId: ${opts.id ?? 'getA'}\n${opts.params ? `      parameters:\n${opts.params}` : ''}      responses:\n        "200": {description: ok}\n${opts.extra ?? ''}      x-apigateway-backend:\n${backend}`;
}

export const spec = (ops: string, root = ''): string => `${HEAD}paths:\n${ops}${root}`;
