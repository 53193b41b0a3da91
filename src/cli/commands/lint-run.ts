/**
 * One run of `apig lint`: loads every workspace, lints it, writes each --format (to the terminal or an --output
 * file) and decides the exit code. lint.ts loads this file only when lint runs, so its imports are not start-up's.
 */
import { resolve } from 'node:path';
import { severityRank } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import type { LintFormat as Format } from '../../core/vocabulary.js';
import { FORMATTERS, PLAIN } from '../../lint/formatters/index.js';
import { applyBaseline, baselineText } from '../../lint/baseline.js';
import { capPerFile } from '../../lint/cap.js';
import { ALL_RULE_IDS } from '../../lint/registry.js';
import { type LintFinding, lintWorkspace, sortFindings, summarize } from '../../lint/run.js';
import { loadWorkspace } from '../../workspace/load.js';
import type { CommandContext } from '../context.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { packageVersion } from '../version.js';
import { writeFilesAtomic } from '../write-files.js';
import { lintInputs, readBaselineFile } from './lint-inputs.js';
import type { LintFlags } from './lint-flags.js';
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
  const baseline = flags.baseline === undefined ? undefined : await readBaselineFile(flags.baseline, io.cwd);

  const findings: LintFinding[] = [];
  const files = new Set<string>();
  watched.clear();
  for (const input of await lintInputs(paths, flags, io)) {
    if (input.path !== undefined && input.text === undefined) watched.add(resolve(io.cwd, input.path));
    const loaded = await loadWorkspace(input.path, {
      cwd: io.cwd,
      env: io.env,
      allowRemoteRefs: ctx.allowRemoteRefs,
      partial: true,
      ...(input.text !== undefined ? { text: input.text } : {}),
    });
    if (input.text === undefined) for (const f of loaded.files) watched.add(f);
    if (loaded.workspace && !loaded.workspace.implicit) files.add(loaded.workspace.shown);
    for (const g of loaded.workspace?.groups ?? []) files.add(g.shown);
    for (const d of loaded.diagnostics) files.add(d.source);
    findings.push(...lintWorkspace(loaded.workspace, loaded.diagnostics, { rules, quotas: config.quotas }));
  }
  let sorted = sortFindings(findings);
  if (flags.generateBaseline !== undefined) {
    const file = resolve(io.cwd, flags.generateBaseline);
    await writeFilesAtomic([{ file, text: baselineText(sorted, file, io.cwd) }]);
    const known = sorted.filter((f) => !f.suppressed).length;
    io.err(`apig lint: wrote ${known} finding(s) to the baseline ${flags.generateBaseline}\n`);
    sorted = applyBaseline(sorted, await readBaselineFile(flags.generateBaseline, io.cwd), io.cwd);
  } else if (baseline) sorted = applyBaseline(sorted, baseline, io.cwd);
  const shown = flags.quiet ? sorted.filter((f) => f.severity === 'error') : sorted;
  const { listed, omitted } = capPerFile(shown);
  const summary = summarize(sorted, files.size);
  const input = {
    findings: listed,
    omitted,
    summary,
    files: [...files].sort(),
    rules: ALL_RULE_IDS.filter((id) => (rules[id] ?? 'on') !== 'off'),
    version: packageVersion(),
    baseline: baseline !== undefined || flags.generateBaseline !== undefined,
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
  const failing = sorted.some((f) => !f.suppressed && !f.baselined && severityRank(f.severity) >= severityRank(fail));
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
