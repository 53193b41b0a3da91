/**
 * One run of `apig lint`: loads every workspace, lints it, writes each --format (to the terminal or an --output
 * file) and decides the exit code. With --fix or --fix-dry-run the findings' fixes are applied (lint-fix.ts, loaded
 * only then) and, after --fix, everything is linted again. lint.ts loads this file only when lint runs, so its
 * imports are not start-up's.
 */
import { resolve } from 'node:path';
import { severityRank } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import type { LintFormat as Format } from '../../core/vocabulary.js';
import { FORMATTERS, PLAIN } from '../../lint/formatters/index.js';
import { applyBaseline, baselineText } from '../../lint/baseline.js';
import { capPerFile } from '../../lint/cap.js';
import type { LintConfig } from '../../lint/config.js';
import { ALL_RULE_IDS } from '../../lint/registry.js';
import { type LintFinding, lintWorkspace, sortFindings, summarize } from '../../lint/run.js';
import type { RuleSeverity } from '../../lint/types.js';
import { loadWorkspace } from '../../workspace/load.js';
import type { CommandContext } from '../context.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { packageVersion } from '../version.js';
import { writeFilesAtomic } from '../write-files.js';
import { type LintInput, lintInputs, readBaselineFile } from './lint-inputs.js';
import type { Linted } from './lint-linted.js';
import type { LintFlags } from './lint-flags.js';
import { settings } from './lint-config.js';

/**
 * A module of its own, loaded when it is needed and not bundled into this one (scripts/bundle-commands.mjs inlines
 * every import it can resolve, and would load it with this module): a lint without --fix must not load the `yaml`
 * package the fixes write with (a tenth of a small lint's time).
 */
const load = (specifier: string): Promise<unknown> => import(specifier);

/** What one pass over the inputs found. */
interface Pass {
  inputs: readonly LintInput[];
  rules: Record<string, RuleSeverity>;
  config: LintConfig;
  /** Attach each finding's fix (--fix, --fix-dry-run). */
  fixes: boolean;
  /** Texts to lint instead of the files, by absolute path (the files as --fix would leave them). */
  texts?: ReadonlyMap<string, string>;
}

async function lintAll(pass: Pass, ctx: CommandContext, watched: Set<string>): Promise<Linted> {
  const { io } = ctx;
  const findings: LintFinding[] = [];
  const files = new Set<string>();
  const paths = new Map<string, string>();
  let stdinShown: string | undefined;
  watched.clear();
  for (const input of pass.inputs) {
    if (input.path !== undefined && input.text === undefined) watched.add(resolve(io.cwd, input.path));
    const loaded = await loadWorkspace(input.path, {
      cwd: io.cwd,
      env: io.env,
      allowRemoteRefs: ctx.allowRemoteRefs,
      partial: true,
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(pass.texts ? { texts: pass.texts } : {}),
    });
    if (input.text === undefined) for (const f of loaded.files) watched.add(f);
    const ws = loaded.workspace;
    if (input.text !== undefined) stdinShown = ws?.shown ?? loaded.diagnostics[0]?.source;
    if (ws && !ws.implicit) files.add(ws.shown);
    if (ws && !ws.implicit && input.text === undefined) paths.set(ws.shown, ws.file);
    for (const g of ws?.groups ?? []) {
      files.add(g.shown);
      // A group standard input stands for is read from there, not from its --stdin-filepath.
      if (!(input.text !== undefined && ws?.implicit)) paths.set(g.shown, g.file);
    }
    for (const d of loaded.diagnostics) files.add(d.source);
    const options = { rules: pass.rules, quotas: pass.config.quotas, fixes: pass.fixes };
    findings.push(...lintWorkspace(ws, loaded.diagnostics, options));
  }
  return { findings: sortFindings(findings), files, paths, ...(stdinShown !== undefined ? { stdinShown } : {}) };
}

/** --fix or --fix-dry-run, checked against the other options; undefined without either. */
function fixMode(paths: readonly string[], flags: LintFlags): 'fix' | 'dry-run' | undefined {
  if (flags.fix && flags.fixDryRun) throw new ApigError('usage', 'give --fix or --fix-dry-run, not both');
  const mode = flags.fix ? 'fix' : flags.fixDryRun ? 'dry-run' : undefined;
  if (mode === undefined) return undefined;
  const flag = mode === 'fix' ? '--fix' : '--fix-dry-run';
  if (flags.generateBaseline !== undefined)
    throw new ApigError('usage', `${flag} cannot be combined with --generate-baseline: fix first, then generate it`);
  if (paths.includes('-') && paths.length > 1)
    throw new ApigError('usage', `${flag} with - fixes standard input alone: lint the other files in another run`);
  // Standard output then holds the diff, or the fixed document: a report goes to a file only.
  const stdout = mode === 'dry-run' ? 'the diff' : paths.includes('-') ? 'the fixed document' : undefined;
  if (stdout !== undefined && (flags.format?.length ?? 0) > flags.output.length)
    throw new ApigError(
      'usage',
      `with ${mode === 'dry-run' ? '--fix-dry-run' : '--fix and -'}, standard output holds ${stdout}: ` +
        'give each --format an --output file',
    );
  return mode;
}

/** One run; `watched` receives the absolute path of every file it read (what --watch watches). */
export async function lintOnce(
  paths: string[],
  flags: LintFlags,
  ctx: CommandContext,
  watched: Set<string>,
): Promise<ExitCode> {
  const { io } = ctx;
  const mode = fixMode(paths, flags);
  const stdoutTaken = mode === 'dry-run' || (mode === 'fix' && paths.includes('-'));
  const formats: Format[] = flags.format && flags.format.length > 0 ? flags.format : stdoutTaken ? [] : ['stylish'];
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
  // --generate-baseline writes every finding, whatever --baseline lists (fixMode refuses it with a fix).
  const hide = (findings: LintFinding[]): LintFinding[] =>
    baseline && flags.generateBaseline === undefined ? applyBaseline(findings, baseline, io.cwd) : findings;

  const inputs = await lintInputs(paths, flags, io);
  let linted = await lintAll({ inputs, rules, config, fixes: mode !== undefined }, ctx, watched);
  linted.findings = hide(linted.findings);
  if (mode !== undefined) {
    const { runFixes } = (await load('./lint-fix.js')) as typeof import('./lint-fix.js');
    const stdin = inputs.find((i) => i.text !== undefined);
    linted = await runFixes(linted, mode, ctx, stdin, async (texts, stdinText) => {
      const fixedInputs = inputs.map((i) => (i === stdin && stdinText !== undefined ? { ...i, text: stdinText } : i));
      const again = await lintAll({ inputs: fixedInputs, rules, config, fixes: true, texts }, ctx, watched);
      again.findings = hide(again.findings);
      return again;
    });
  }
  let sorted = linted.findings;
  if (flags.generateBaseline !== undefined) {
    const file = resolve(io.cwd, flags.generateBaseline);
    await writeFilesAtomic([{ file, text: baselineText(sorted, file, io.cwd) }]);
    const known = sorted.filter((f) => !f.suppressed).length;
    io.err(`apig lint: wrote ${known} finding(s) to the baseline ${flags.generateBaseline}\n`);
    sorted = applyBaseline(sorted, await readBaselineFile(flags.generateBaseline, io.cwd), io.cwd);
  }
  const shown = flags.quiet ? sorted.filter((f) => f.severity === 'error') : sorted;
  const { listed, omitted } = capPerFile(shown);
  const summary = summarize(sorted, linted.files.size);
  const input = {
    findings: listed,
    omitted,
    summary,
    files: [...linted.files].sort(),
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
