/**
 * `testRule(id, cases)`: one `describe(id)` per rule and one `it` per case (the shape of Spectral's rule
 * tests). Each case lints its input and compares the findings of that rule only with the expected list,
 * exactly: the same number, each matched by message, file, start position and severity. `[]` means "no
 * finding". A case whose input does not load (a fatal error, or a group the loader refused, so that the
 * rule never saw it) fails instead of passing by accident.
 */
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src/core/diagnostic.js';
import { LOADER_RULES } from '../../../src/lint/loader-rules.js';
import { RECOMMENDED, type RuleId } from '../../../src/lint/presets.js';
import { isRuleId } from '../../../src/lint/rule-ids.js';
import type { LintFinding } from '../../../src/lint/run.js';
import { lintText, positionOf, type LintCase, type Linted } from './harness.js';

export interface ExpectedFinding {
  /** A substring of the message, or the whole message with `exact: true`. */
  message: string;
  exact?: boolean;
  /** Text where the finding's range starts: its first occurrence in the file, after the `after` markers if given. */
  at: string;
  after?: string | readonly string[];
  /** Default api.yaml. */
  file?: string;
  /** Default: the rule's recommended severity. */
  severity?: Severity;
}

export interface RuleCase extends LintCase {
  name: string;
  findings: ExpectedFinding[];
}

function describeFinding(f: LintFinding): string {
  return `${f.source}:${f.range?.start.line ?? '?'}:${f.range?.start.character ?? '?'} ${f.severity} ${f.message}`;
}

function matches(f: LintFinding, e: ExpectedFinding, id: string, files: Record<string, string>): boolean {
  const file = e.file ?? 'api.yaml';
  const text = files[file];
  if (text === undefined) throw new Error(`no file ${file} in the case`);
  const at = positionOf(text, e.at, e.after);
  return (
    (e.exact ? f.message === e.message : f.message.includes(e.message)) &&
    f.source === file &&
    f.range?.start.line === at.line &&
    f.range.start.character === at.character &&
    f.severity === (e.severity ?? RECOMMENDED[id as RuleId])
  );
}

/** A one-to-one pairing of findings and expectations (small lists: augmenting paths). */
function pair(
  found: LintFinding[],
  expected: ExpectedFinding[],
  ok: (f: LintFinding, e: ExpectedFinding) => boolean,
): boolean {
  const owner = new Array<number>(found.length).fill(-1);
  const tryAssign = (ei: number, seen: boolean[]): boolean => {
    for (let fi = 0; fi < found.length; fi++) {
      if (seen[fi] || !ok(found[fi] as LintFinding, expected[ei] as ExpectedFinding)) continue;
      seen[fi] = true;
      if (owner[fi] === -1 || tryAssign(owner[fi] as number, seen)) {
        owner[fi] = ei;
        return true;
      }
    }
    return false;
  };
  return expected.every((_, ei) => tryAssign(ei, new Array<boolean>(found.length).fill(false)));
}

function checkLoaded(id: string, linted: Linted): void {
  const fatal = linted.diagnostics.filter(
    (d) => (d.code === 'parse' || d.code === 'workspace-schema') && d.code !== id,
  );
  expect(
    fatal.map((d) => `${d.code}: ${d.message}`),
    'the case does not load',
  ).toEqual([]);
  // Rules other than the loader's run only over groups that loaded: an error there would hide the input.
  if (!(id in LOADER_RULES)) {
    expect(linted.workspace, 'the case does not load').toBeDefined();
    const refused = linted.diagnostics.filter((d) => d.severity === 'error');
    expect(
      refused.map((d) => `${d.source} ${d.code}: ${d.message}`),
      'a group did not load, so the rule never saw it',
    ).toEqual([]);
  }
}

export function testRule(id: RuleId, cases: RuleCase[]): void {
  if (!isRuleId(id)) throw new Error(`unknown rule ${id}`);
  const names = cases.map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new Error(`${id}: two cases are named "${dup}"`);
  describe(id, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const linted = await lintText(c);
      checkLoaded(id, linted);
      const found = linted.findings.filter((f) => f.code === id);
      const shown = `found:\n${found.map(describeFinding).join('\n') || '(none)'}\nexpected:\n${c.findings.map((e) => `${e.file ?? 'api.yaml'} at ${JSON.stringify(e.at)} ${e.message}`).join('\n') || '(none)'}`;
      expect(found.length, shown).toBe(c.findings.length);
      expect(
        pair(found, c.findings, (f, e) => matches(f, e, id, linted.files)),
        shown,
      ).toBe(true);
    });
  });
}
