/**
 * `apig lint --fix` and `--fix-dry-run`: applies the fixes of the findings that are neither suppressed nor in the
 * --baseline file, file by file and in the order of the findings (lint/fix/apply.ts checks each against what the
 * ones before it left). A fix can bring to light what lint could not see before it (an operation left out for a
 * Swagger error is linted once that is fixed), so the files are linted again, as they would be written, and fixed
 * again, until nothing more changes (at most MAX_PASSES times, as ESLint does). Then every changed file is written
 * atomically, or the unified diff is printed and nothing written. With `-`, --fix prints the fixed document instead.
 * lint-run.ts loads this module only then.
 */
import { readFile } from 'node:fs/promises';
import { append } from '../../core/append.js';
import { isHidden } from '../../lint/cap.js';
import { applyFixes } from '../../lint/fix/apply.js';
import { unifiedDiff } from '../../core/line-diff.js';
import type { Fix } from '../../lint/fix/types.js';
import type { LintFinding } from '../../lint/run.js';
import { detectFormat } from '../../oas/source.js';
import type { CommandContext } from '../context.js';
import { writeFilesAtomic } from '../write-files.js';
import type { LintInput } from './lint-inputs.js';
import type { Linted } from './lint-linted.js';

const MAX_PASSES = 10;

/** Lints again with these texts instead of the files (absolute path → text), and standard input's text. */
export type Relint = (texts: ReadonlyMap<string, string>, stdinText: string | undefined) => Promise<Linted>;

/** Where a file's text is kept while it is fixed: its absolute path, or this for standard input. */
const STDIN = '\u0000stdin';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const keyOf = (f: LintFinding): string => `${f.source}\u0000${f.code}\u0000${f.path}\u0000${f.message}`;

/** The findings with a fix that applies, by file in the order lint sorted them; a finding reported twice once. */
function fixable(findings: readonly LintFinding[]): Map<string, Array<LintFinding & { fix: Fix }>> {
  const byFile = new Map<string, Array<LintFinding & { fix: Fix }>>();
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.fix === undefined || isHidden(f) || seen.has(keyOf(f))) continue;
    seen.add(keyOf(f));
    append(byFile, f.source, { ...f, fix: f.fix });
  }
  return byFile;
}

const where = (f: LintFinding): string =>
  `${f.source}:${(f.range?.start.line ?? 0) + 1}:${(f.range?.start.character ?? 0) + 1}`;

/** The findings as the fixed files leave them (the first ones after --fix-dry-run, which writes nothing). */
export async function runFixes(
  first: Linted,
  mode: 'fix' | 'dry-run',
  ctx: CommandContext,
  stdin: LintInput | undefined,
  relint: Relint,
): Promise<Linted> {
  const { io } = ctx;
  const original = new Map<string, { text: string; shown: string }>();
  const texts = new Map<string, string>();
  const notFixed = new Map<string, string>();
  let fixed = 0;
  let linted = first;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const [source, findings] of fixable(linted.findings)) {
      // With `-`, standard input alone is fixed; a file it names is not written.
      const key = stdin !== undefined ? (source === linted.stdinShown ? STDIN : undefined) : linted.paths.get(source);
      if (key === undefined) continue;
      if (!original.has(key)) {
        const text = key === STDIN ? (stdin?.text ?? '') : await readFile(key, 'utf8');
        original.set(key, { text, shown: source });
      }
      const text = texts.get(key) ?? (original.get(key)?.text as string);
      const result = applyFixes(
        text,
        detectFormat(key === STDIN ? source : key, text),
        findings.map((f) => f.fix),
      );
      result.outcomes.forEach((o, i) => {
        const f = findings[i] as LintFinding;
        if (o.status === 'skipped') notFixed.set(keyOf(f), `${where(f)} ${f.code}: ${o.why}`);
        else {
          notFixed.delete(keyOf(f));
          fixed++;
        }
      });
      if (result.text !== text) {
        texts.set(key, result.text);
        changed = true;
      }
    }
    if (!changed) break;
    const files = new Map([...texts].filter(([k]) => k !== STDIN));
    linted = await relint(files, texts.get(STDIN));
  }
  // A fix skipped in one pass may have been applied in the next; what is still found was not fixed.
  const still = new Set(linted.findings.map(keyOf));
  for (const [k, note] of notFixed) if (still.has(k)) io.err(`apig lint: not fixed: ${note}\n`);
  const changed = [...texts].filter(([k, t]) => original.get(k)?.text !== t);
  const files = plural(changed.length, 'file');
  if (mode === 'dry-run') {
    io.out(changed.map(([k, t]) => unifiedDiff(original.get(k)?.shown ?? k, original.get(k)?.text ?? '', t)).join(''));
    io.err(`apig lint: --fix-dry-run: ${plural(fixed, 'problem')} would be fixed in ${files}; nothing was written\n`);
    return first;
  }
  await writeFilesAtomic(changed.filter(([k]) => k !== STDIN).map(([file, text]) => ({ file, text })));
  if (stdin !== undefined) io.out(texts.get(STDIN) ?? stdin.text ?? '');
  io.err(`apig lint: fixed ${plural(fixed, 'problem')} in ${files}\n`);
  return linted;
}
