import { Option, type Command } from 'commander';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import { isFatalCode, severityRank } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import type { LintConfig } from '../../lint/config.js';
import {
  LINT_CONFIG_FILE as CONFIG_FILE,
  LINT_FORMATS as FORMATS,
  type LintFormat as Format,
} from '../../core/vocabulary.js';
import type { LintFinding } from '../../lint/run.js';
import type { RuleSeverity } from '../../lint/types.js';
import type { CommandContext } from '../context.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { printDiagnostics } from '../render-diagnostics.js';
import { writeFilesAtomic } from '../write-files.js';
import { packageVersion } from '../version.js';

interface LintFlags {
  format: Format[];
  output: string[];
  failSeverity?: Severity;
  maxWarnings?: string;
  rule: string[];
  config?: string;
  profile?: string;
  quiet?: boolean;
  watch?: boolean;
  workspace: string[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** .apiglint.yaml in the current folder or the nearest parent. */
function discoverConfig(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const f = join(dir, CONFIG_FILE);
    if (existsSync(f)) return f;
    if (dirname(dir) === dir) return undefined;
  }
}

async function readConfig(file: string, shown: string): Promise<LintConfig> {
  const { parseLintConfig } = await import('../../lint/config.js');
  const { readText } = await import('../../oas/read.js');
  const { config, diagnostics } = parseLintConfig(shown, await readText(file, shown));
  if (!config) throw new ApigError('config', `${shown} is not a valid lint configuration`, diagnostics);
  return config;
}

export function registerLint(program: Command, ctx: CommandContext): void {
  program
    .command('lint')
    .description(
      'check definitions against every documented APIG rule (exit 0 clean, 1 findings, 2 usage/config error)',
    )
    .argument('[paths...]', 'workspaces (apig.yaml or a folder) or Swagger files; default ./apig.yaml')
    .addOption(
      new Option('-f, --format <format>', `output format, repeatable (${FORMATS.join(', ')})`)
        .choices(FORMATS)
        .argParser((v: string, prev: Format[] | undefined) => {
          if (!(FORMATS as readonly string[]).includes(v))
            throw new ApigError('usage', `unknown format ${v}; choose ${FORMATS.join(', ')}`);
          return [...(prev ?? []), v as Format];
        }),
    )
    .option(
      '-o, --output <file>',
      'write the matching --format to this file (repeatable, paired in order)',
      collect,
      [],
    )
    .addOption(
      new Option('-F, --fail-severity <severity>', 'lowest severity that fails the run (default error)').choices([
        'error',
        'warn',
        'info',
        'hint',
      ]),
    )
    .option('--max-warnings <n>', 'also fail when there are more than n warnings')
    .option('--rule <id=severity>', "set a rule's severity (off, hint, info, warn, error); repeatable", collect, [])
    .option('-c, --config <file>', `lint configuration (default: ${CONFIG_FILE} here or in a parent folder)`)
    .option('--profile <file>', 'quota profile for an instance with raised quotas (a YAML file with quotas:)')
    .option('-q, --quiet', 'report errors only')
    .option(
      '-w, --workspace <path>',
      'a workspace (apig.yaml or its folder) or Swagger file to lint, as the other commands take it; repeatable',
      collect,
      [],
    )
    .option('--watch', 'lint again whenever a linted file changes (runs until Ctrl-C)')
    .action(async (positional: string[], flags: LintFlags) => {
      const paths = [...positional, ...flags.workspace];
      const watched = new Set<string>();
      const code = await lintOnce(paths, flags, ctx, watched);
      if (!flags.watch) {
        ctx.setExit(code);
        return;
      }
      await watchAndLint(paths, flags, ctx, watched);
    });
}

async function settings(
  flags: LintFlags,
  ctx: CommandContext,
): Promise<{ config: LintConfig; rules: Record<string, RuleSeverity> }> {
  const { io } = ctx;
  const { parseRuleFlag } = await import('../../lint/config.js');
  const { DEFAULT_QUOTAS } = await import('../../lint/quotas.js');
  const configFile = flags.config !== undefined ? resolve(io.cwd, flags.config) : discoverConfig(io.cwd);
  const config: LintConfig = configFile
    ? await readConfig(configFile, flags.config ?? (relative(io.cwd, configFile) || configFile))
    : { rules: {}, quotas: { ...DEFAULT_QUOTAS } };
  if (flags.profile !== undefined)
    config.quotas = { ...config.quotas, ...(await readConfig(resolve(io.cwd, flags.profile), flags.profile)).quotas };
  const rules: Record<string, RuleSeverity> = { ...config.rules };
  for (const r of flags.rule) {
    const parsed = parseRuleFlag(r);
    if (typeof parsed === 'string') throw new ApigError('usage', parsed);
    rules[parsed.id] = parsed.severity;
  }
  return { config, rules };
}

/** One run; `watched` receives the absolute path of every file it read (what --watch watches). */
async function lintOnce(
  paths: string[],
  flags: LintFlags,
  ctx: CommandContext,
  watched: Set<string>,
): Promise<ExitCode> {
  const { io } = ctx;
  const { loadWorkspace } = await import('../../workspace/load.js');
  const { lintWorkspace, sortFindings, summarize } = await import('../../lint/run.js');
  const { FORMATTERS, PLAIN } = await import('../../lint/formatters/index.js');
  const { ALL_RULE_IDS } = await import('../../lint/registry.js');
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
  if (tooManyWarnings)
    io.err(
      `apig lint: ${summary.warnings} warning(s), more than the ${limit} allowed (--max-warnings${maxWarnings === undefined ? ' in the lint configuration' : ''})${flags.quiet ? '; --quiet hides them' : ''}\n`,
    );
  return failing || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

/** Re-runs on every change of a linted file until interrupted; problems in a run are printed, not fatal. */
async function watchAndLint(
  paths: string[],
  flags: LintFlags,
  ctx: CommandContext,
  watched: Set<string>,
): Promise<void> {
  const { io } = ctx;
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // The files the last run read: watching them needs no second load of the workspace.
  const rewatch = (): void => {
    const files = [...watched].filter((f) => existsSync(f));
    for (const w of watchers) w.close();
    // A run that was under way when Ctrl-C came must not start watching again.
    watchers = stopped ? [] : files.map((f) => watch(f, () => schedule()));
  };
  const schedule = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      void (async () => {
        io.err(`\n[apig lint] change detected, linting again (${new Date().toLocaleTimeString()})\n`);
        try {
          await lintOnce(paths, flags, ctx, watched);
        } catch (err) {
          io.err(`${err instanceof Error ? err.message : String(err)}\n`);
          if (err instanceof ApigError) printDiagnostics(err.diagnostics, io);
        }
        rewatch();
      })();
    }, 100);
  };
  rewatch();
  io.err('[apig lint] watching for changes; Ctrl-C to stop\n');
  await new Promise<void>((done) => {
    const stop = (): void => {
      stopped = true;
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
