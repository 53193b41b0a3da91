/**
 * `testFix(rule, cases)`: for each case, lints its files with fixes, applies the fixes of that rule's findings
 * (lint/fix/apply.ts, as `apig lint --fix` does), and checks the file's text exactly, that lint finds no more of
 * that rule there (unless the case says which findings stay), and that no other finding appeared.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../src/lint/fix/apply.js';
import { DEFAULT_QUOTAS } from '../../../src/lint/quotas.js';
import type { RuleId } from '../../../src/lint/rule-ids.js';
import { type LintFinding, lintWorkspace } from '../../../src/lint/run.js';
import { detectFormat } from '../../../src/oas/source.js';
import { loadWorkspace } from '../../../src/workspace/load.js';

export interface FixCase {
  name: string;
  /** The file the fixes are in (api.yaml unless `file` names another). */
  before: string;
  /** Its text after the fixes; `before` itself when the findings of the rule have no fix. */
  after: string;
  file?: string;
  /** apig.yaml and other files beside it. */
  files?: Record<string, string>;
  /** Messages (substrings) of the rule's findings that stay after the fixes: those have no fix. */
  remaining?: string[];
  /** Descriptions of the fixes (substrings), in order, when the case checks them. */
  descriptions?: string[];
}

async function lintDir(dir: string, entry: string): Promise<LintFinding[]> {
  const loaded = await loadWorkspace(entry, { cwd: dir, env: {}, partial: true });
  return lintWorkspace(loaded.workspace, loaded.diagnostics, { quotas: DEFAULT_QUOTAS, fixes: true });
}

const label = (f: LintFinding): string => `${f.source} ${f.code}: ${f.message}`;

export function testFix(rule: RuleId, cases: FixCase[]): void {
  describe(`${rule} --fix`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const file = c.file ?? 'api.yaml';
      const dir = mkdtempSync(join(tmpdir(), 'apig-fix-'));
      try {
        for (const [name, text] of Object.entries({ ...c.files, [file]: c.before })) {
          mkdirSync(dirname(join(dir, name)), { recursive: true });
          writeFileSync(join(dir, name), text);
        }
        const entry = c.files?.['apig.yaml'] !== undefined ? 'apig.yaml' : file;
        const before = await lintDir(dir, entry);
        const mine = before.filter((f) => f.code === rule && f.source === file);
        expect(mine.length, `no ${rule} finding in the case`).toBeGreaterThan(0);
        const fixes = mine.flatMap((f) => (f.fix ? [f.fix] : []));
        if (c.descriptions)
          expect(fixes.map((f) => f.description)).toEqual(c.descriptions.map((d) => expect.stringContaining(d)));
        const result = applyFixes(c.before, detectFormat(file, c.before), fixes);
        expect(result.outcomes.filter((o) => o.status === 'skipped')).toEqual([]);
        expect(result.text).toBe(c.after);
        writeFileSync(join(dir, file), result.text);
        const after = await lintDir(dir, entry);
        const left = after.filter((f) => f.code === rule && f.source === file).map((f) => f.message);
        expect(left.length, left.join('\n')).toBe(c.remaining?.length ?? 0);
        for (const m of c.remaining ?? [])
          expect(
            left.some((l) => l.includes(m)),
            m,
          ).toBe(true);
        // A fix brings no new problem: every other finding was there before (positions may move).
        const had = new Set(before.map(label));
        expect(after.filter((f) => f.code !== rule && !had.has(label(f))).map(label)).toEqual([]);
        expect(readFileSync(join(dir, file), 'utf8')).toBe(c.after);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
