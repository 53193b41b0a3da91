/**
 * Applying a fix writes the same bytes however the text is read and written: with the file read once for all its
 * fixes (as the editor does per document version) and only the changed entries reconciled (local-reconcile.ts),
 * and with the whole file read and reconciled for each, as `apig lint --fix` always did. For every fix of every
 * Huawei example (fixtures/huawei-docs), of fixtures/demo and of every other fixture file (but the 500-API
 * generated one, which the whole-file path would take minutes over): each fix alone, all of a file's fixes at once, and a
 * suppression of each finding where the editor writes one (both shapes: a new list, an entry added to one).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { escapeSegment, parsePointer } from '../../../src/core/pointer.js';
import { applyFixes } from '../../../src/lint/fix/apply.js';
import { readSource } from '../../../src/lint/fix/source.js';
import type { Fix } from '../../../src/lint/fix/types.js';
import { lintTarget } from '../../../src/lsp/lint-target.js';
import { detectFormat } from '../../../src/oas/source.js';
import { isOperationItemKey } from '../../../src/oas/walk.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');

function specFiles(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? specFiles(p) : /\.(ya?ml|json)$/.test(n) ? [p] : [];
  });
}

/** The object a suppression of a finding at `path` goes on (as the editor's code action picks it). */
function scopeOf(path: string): string {
  const s = parsePointer(path);
  if (s[0] !== 'paths' || s.length < 2) return '';
  const n = s.length >= 3 && isOperationItemKey(s[2] as string) ? 3 : 2;
  return s
    .slice(0, n)
    .map((x) => `/${escapeSegment(x)}`)
    .join('');
}

function suppressions(path: string, rule: string): Fix[] {
  const scope = scopeOf(path);
  const entry = { rule, reason: 'why' };
  return [
    { description: 'new list', edits: [{ op: 'add', path: `${scope}/x-apig-lint-disable`, value: [entry] }] },
    { description: 'one more', edits: [{ op: 'add', path: `${scope}/x-apig-lint-disable/-`, value: entry }] },
  ];
}

it('every fix of the fixtures (the Huawei examples, the demo, ...) writes the same bytes read once and entry by entry', async () => {
  const entries = specFiles(FIXTURES).filter((f) => !f.includes('/generated/'));
  expect(entries).toContain(join(FIXTURES, 'demo', 'apig.yaml'));
  let compared = 0;
  let changed = 0;
  let documented = 0;
  for (const entry of entries) {
    const result = await lintTarget(entry, { texts: new Map(), env: {}, rules: {}, allowRemoteRefs: false });
    for (const [file, found] of result.byFile) {
      const text = readFileSync(file, 'utf8');
      const format = detectFormat(file, text);
      const source = readSource(text, format);
      const fixes = found.flatMap((f) => (f.fix ? [f.fix] : []));
      const sets: Fix[][] = [
        ...fixes.map((f) => [f]),
        ...(fixes.length > 1 ? [fixes] : []),
        ...found.flatMap((f) => suppressions(f.path, f.code).map((s) => [s])),
      ];
      for (const set of sets) {
        const now = applyFixes(text, format, set, { source });
        const whole = applyFixes(text, format, set, { wholeFile: true });
        expect({ file, fixes: set.map((f) => f.description), ...now }).toEqual({
          file,
          fixes: set.map((f) => f.description),
          ...whole,
        });
        compared++;
        if (now.text !== text) changed++;
        if (file.includes('huawei-docs') || file.includes('/demo/')) documented++;
      }
    }
  }
  expect(documented).toBeGreaterThan(90);
  expect(compared).toBeGreaterThan(300);
  expect(changed).toBeGreaterThan(100);
}, 120_000);
