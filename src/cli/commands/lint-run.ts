/**
 * One run of `apig lint`: loads every workspace, lints it, writes each --format (to the terminal or an --output
 * file) and decides the exit code. lint.ts loads this file only when lint runs, so its imports are not start-up's.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import { isFatalCode, severityRank } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import type { LintFormat as Format } from '../../core/vocabulary.js';
import { FORMATTERS, PLAIN } from '../../lint/formatters/index.js';
import { ALL_RULE_IDS } from '../../lint/registry.js';
import { type LintFinding, lintWorkspace, sortFindings, summarize } from '../../lint/run.js';
import { loadWorkspace } from '../../workspace/load.js';
import type { CommandContext } from '../context.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { printDiagnostics } from '../render-diagnostics.js';
import { packageVersion } from '../version.js';
import { writeFilesAtomic } from '../write-files.js';
import type { LintFlags } from './lint.js';
import { settings } from './lint-config.js';

/** One run; `watched` receives the absolute path of every file it read (what --watch watches). */
export async function lintOnce(
  paths: string[],
  flags: LintFlags,
  ctx: CommandContext,
  watched: Set<string>,
): Promise<ExitCode> {
  const { io } = ctx;
  const formats: Format[] = flags.format && flags.format.length > 0 ? flags.format : ['stylish'];
  if (flags.output.length > formats.length)
    throw new ApigError(
      'usage',
      `${flags.output.length} --output files for ${formats.length} --format(s): give one --format per --output`,
    );
  const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0))
    throw new ApigError('usage', `--max-warnings expects a whole number, got "${flags.maxWarnings}"`);
  const { config, rules } = await settings(flags, ctx);

  const findings: LintFinding[] = [];
  const files = new Set<string>();
  const fatal: Diagnostic[] = [];
  watched.clear();
  for (const p of paths.length > 0 ? paths : [undefined]) {
    if (p !== undefined) watched.add(resolve(io.cwd, p));
    const loaded = await loadWorkspace(p, { cwd: io.cwd, env: io.env, allowRemoteRefs: ctx.allowRemoteRefs });
    if (loaded.workspace) watched.add(loaded.workspace.file);
    for (const g of loaded.workspace?.groups ?? []) watched.add(g.file);
    fatal.push(...loaded.diagnostics.filter((d) => isFatalCode(d.code)));
    if (loaded.workspace && !loaded.workspace.implicit) files.add(loaded.workspace.shown);
    for (const g of loaded.workspace?.groups ?? []) files.add(g.shown);
    for (const d of loaded.diagnostics) files.add(d.source);
    findings.push(...lintWorkspace(loaded.workspace, loaded.diagnostics, { rules, quotas: config.quotas }));
  }
  if (fatal.length > 0) {
    printDiagnostics(fatal, io);
    throw new ApigError('input', 'cannot lint: the files above could not be read as Swagger or workspace files');
  }
  const sorted = sortFindings(findings);
  const shown = flags.quiet ? sorted.filter((f) => f.severity === 'error') : sorted;
  const summary = summarize(sorted, files.size);
  const input = {
    findings: shown,
    summary,
    files: [...files].sort(),
    rules: ALL_RULE_IDS.filter((id) => (rules[id] ?? 'on') !== 'off'),
    version: packageVersion(),
  };
  const writes: Array<{ file: string; text: string }> = [];
  formats.forEach((format, i) => {
    // Colour only on the terminal: files get plain text (chalk at level 0 already paints nothing).
    const text = FORMATTERS[format](input, flags.output[i] === undefined ? io.color : PLAIN);
    const out = flags.output[i];
    if (out === undefined) io.out(text);
    else writes.push({ file: resolve(io.cwd, out), text });
  });
  await writeFilesAtomic(writes);
  const fail = flags.failSeverity ?? config.failSeverity ?? 'error';
  const failing = sorted.some((f) => !f.suppressed && severityRank(f.severity) >= severityRank(fail));
  const limit = maxWarnings ?? config.maxWarnings;
  const tooManyWarnings = limit !== undefined && summary.warnings > limit;
  if (tooManyWarnings) {
    const where = maxWarnings === undefined ? ' in the lint configuration' : '';
    const hint = flags.quiet ? '; --quiet hides them' : '';
    io.err(
      `apig lint: ${summary.warnings} warning(s), more than the ${limit} allowed (--max-warnings${where})${hint}\n`,
    );
  }
  return failing || tooManyWarnings ? EXIT.findings : EXIT.ok;
}
