/**
 * The baseline for adopting lint on an existing project (Redocly's ignore file): the findings known today, by file,
 * rule and JSON pointer, with no line numbers, so that it survives edits. `--generate-baseline FILE` writes it,
 * `--baseline FILE` hides what it lists: those findings no longer fail the run, and SARIF marks them `unchanged`.
 *
 *     # apig lint baseline
 *     specs/shop.yaml:
 *       backend-timeout:
 *         - /paths/~1users/get/x-apigateway-backend
 *
 * File names are relative to the baseline file's folder.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LintFinding } from './run.js';
import { isRuleId } from './rule-ids.js';
import { isRecord } from '../oas/codec.js';

export type Baseline = ReadonlySet<string>;

const keyOf = (file: string, rule: string, pointer: string): string => `${file}\u0000${rule}\u0000${pointer}`;

/** The findings to remember (suppressed ones are handled in the source, not here). */
export function baselineText(findings: readonly LintFinding[], baselineFile: string, cwd: string): string {
  const byFile = new Map<string, Map<string, Set<string>>>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const file = relative(dirname(baselineFile), resolve(cwd, f.source)).split(sep).join('/');
    const rules = byFile.get(file) ?? new Map<string, Set<string>>();
    byFile.set(file, rules);
    const pointers = rules.get(f.code) ?? new Set<string>();
    rules.set(f.code, pointers);
    pointers.add(f.path);
  }
  const lines = [
    '# apig lint baseline: the findings known when it was written (apig lint --generate-baseline).',
    '# apig lint --baseline FILE hides them; remove an entry once it is fixed. Regenerate to accept the current state.',
  ];
  for (const file of [...byFile.keys()].sort()) {
    lines.push(`${JSON.stringify(file)}:`);
    const rules = byFile.get(file) as Map<string, Set<string>>;
    for (const rule of [...rules.keys()].sort()) {
      lines.push(`  ${rule}:`);
      for (const p of [...(rules.get(rule) as Set<string>)].sort()) lines.push(`    - ${JSON.stringify(p)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a baseline's parsed value; a problem comes back as a message (the CLI exits 2 with it). */
export function readBaseline(value: unknown, baselineFile: string): Baseline | string {
  if (value === null || value === undefined) return new Set();
  if (!isRecord(value)) return 'expected a map of file names to rules to JSON pointers';
  const out = new Set<string>();
  for (const [file, rules] of Object.entries(value)) {
    if (!isRecord(rules)) return `${file}: expected a map of rule ids to lists of JSON pointers`;
    const absolute = isAbsolute(file) ? file : resolve(dirname(baselineFile), file);
    for (const [rule, pointers] of Object.entries(rules)) {
      if (!isRuleId(rule)) return `${file}: unknown rule "${rule}"`;
      if (!Array.isArray(pointers) || !pointers.every((p) => typeof p === 'string' && (p === '' || p.startsWith('/'))))
        return `${file} > ${rule}: expected a list of JSON pointers ("" or starting with /)`;
      for (const p of pointers as string[]) out.add(keyOf(absolute, rule, p));
    }
  }
  return out;
}

/** Marks the findings the baseline lists (`baselined`); `parse` findings are never hidden. */
export function applyBaseline(findings: readonly LintFinding[], baseline: Baseline, cwd: string): LintFinding[] {
  return findings.map((f) =>
    f.code !== 'parse' && baseline.has(keyOf(resolve(cwd, f.source), f.code, f.path)) ? { ...f, baselined: true } : f,
  );
}
