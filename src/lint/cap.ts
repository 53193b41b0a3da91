/**
 * The per-file cap on listed findings: a file with thousands of problems (5 MB of malformed YAML, a generated
 * spec) lists the first MAX_FINDINGS_PER_FILE and says how many more there are, so that every output stays
 * readable and bounded.
 */
import type { LintFinding } from './run.js';

export const MAX_FINDINGS_PER_FILE = 1000;

/** Suppressed in the source or listed by the --baseline file: not a problem to report (SARIF still lists it). */
export const isHidden = (f: LintFinding): boolean => f.suppressed !== undefined || f.baselined === true;

export interface Capped {
  /** The findings to write, in their order: the first MAX_FINDINGS_PER_FILE of each file, plus every hidden one. */
  listed: LintFinding[];
  /** Per file (in the order the files first appear), how many findings past the cap are not listed. */
  omitted: Array<{ file: string; count: number }>;
}

/**
 * Keeps the first MAX_FINDINGS_PER_FILE findings of each file. Suppressed and baselined findings neither count
 * toward the cap nor are cut by it: the formats that list them (SARIF; JSON's `suppressed`) list them all.
 */
export function capPerFile(findings: readonly LintFinding[]): Capped {
  const shown = new Map<string, number>();
  const over = new Map<string, number>();
  const listed: LintFinding[] = [];
  for (const f of findings) {
    if (isHidden(f)) {
      listed.push(f);
      continue;
    }
    const n = shown.get(f.source) ?? 0;
    if (n < MAX_FINDINGS_PER_FILE) {
      shown.set(f.source, n + 1);
      listed.push(f);
    } else over.set(f.source, (over.get(f.source) ?? 0) + 1);
  }
  return { listed, omitted: [...over].map(([file, count]) => ({ file, count })) };
}

/** "… and 12 more findings in api.yaml (apig lists the first 1,000 of a file)": the same words in every format. */
export function omittedText(file: string, count: number): string {
  const n = count.toLocaleString('en-US');
  const max = MAX_FINDINGS_PER_FILE.toLocaleString('en-US');
  return `… and ${n} more finding${count === 1 ? '' : 's'} in ${file} (apig lists the first ${max} of a file)`;
}
