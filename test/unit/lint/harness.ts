/** Lints Swagger / apig.yaml text in a temp folder, in-process. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import type { Workspace } from '../../../src/core/workspace-model.js';
import { lintWorkspace, type LintFinding } from '../../../src/lint/run.js';
import { DEFAULT_QUOTAS, type Quotas } from '../../../src/lint/quotas.js';
import { loadWorkspace } from '../../../src/workspace/load.js';

export interface LintCase {
  /** api.yaml */
  spec: string;
  /** apig.yaml; without it api.yaml is linted on its own (a workspace of one group). */
  workspace?: string;
  /** More files next to them (another group's Swagger file...), by name. */
  files?: Record<string, string>;
  quotas?: Partial<Quotas>;
  /** The environment `${VAR}` secrets are read from (default: empty). */
  env?: Record<string, string>;
}

export interface Linted {
  findings: LintFinding[];
  /** Every file's text by name, for positions. */
  files: Record<string, string>;
  /** What the loader said (the loader rules' findings come from these). */
  diagnostics: Diagnostic[];
  workspace?: Workspace;
}

export async function lintText(c: LintCase): Promise<Linted> {
  const dir = mkdtempSync(join(tmpdir(), 'apig-lint-'));
  const files: Record<string, string> = {
    'api.yaml': c.spec,
    ...c.files,
    ...(c.workspace !== undefined ? { 'apig.yaml': c.workspace } : {}),
  };
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const loaded = await loadWorkspace(c.workspace !== undefined ? 'apig.yaml' : 'api.yaml', {
      cwd: dir,
      env: c.env ?? {},
      // As apig lint loads: a file with errors is linted from what is valid.
      partial: true,
    });
    const findings = lintWorkspace(loaded.workspace, loaded.diagnostics, {
      quotas: { ...DEFAULT_QUOTAS, ...c.quotas },
    });
    return {
      findings,
      files,
      diagnostics: loaded.diagnostics,
      ...(loaded.workspace ? { workspace: loaded.workspace } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 0-based line and character of the first occurrence of `marker` in `text`; with `after`, of the first one
 * after those markers, each searched from where the previous one was found.
 */
export function positionOf(
  text: string,
  marker: string,
  after: string | readonly string[] = [],
): { line: number; character: number } {
  let from = 0;
  for (const a of typeof after === 'string' ? [after] : after) {
    from = text.indexOf(a, from);
    if (from < 0) throw new Error(`marker not found: ${a}`);
    from += a.length;
  }
  const i = text.indexOf(marker, from);
  if (i < 0) throw new Error(`marker not found: ${marker}${from > 0 ? ` (after ${String(after)})` : ''}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

export const HEAD = 'swagger: "2.0"\ninfo:\n  title: lint_test\n  version: "1"\n';

/** A valid operation; `extra` lines are appended at operation level (6 spaces). */
export function op(
  opts: { path?: string; method?: string; id?: string; params?: string; extra?: string; backend?: string } = {},
): string {
  const backend = opts.backend ?? '        type: MOCK\n        mockEndpoints:\n          result-content: ok\n';
  return `  ${opts.path ?? '/a'}:\n    ${opts.method ?? 'get'}:\n      operationId: ${opts.id ?? 'getA'}\n${opts.params ? `      parameters:\n${opts.params}` : ''}      responses:\n        "200": {description: ok}\n${opts.extra ?? ''}      x-apigateway-backend:\n${backend}`;
}

export const spec = (ops: string, root = ''): string => `${HEAD}paths:\n${ops}${root}`;
