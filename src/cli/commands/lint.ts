/**
 * `apig lint [paths...]`: the options. One run is in lint-run.ts (its configuration in lint-config.ts) and --watch in
 * lint-watch.ts, loaded only when the command runs.
 */
import { Option, type Command } from 'commander';
import { ApigError } from '../../core/errors.js';
import {
  LINT_CONFIG_FILE as CONFIG_FILE,
  LINT_FORMATS as FORMATS,
  type LintFormat as Format,
} from '../../core/vocabulary.js';
import type { CommandContext } from '../context.js';
import type { LintFlags } from './lint-flags.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerLint(program: Command, ctx: CommandContext): void {
  program
    .command('lint')
    .description(
      'check definitions against every documented APIG rule (exit 0 clean, 1 findings, 2 usage/config error)',
    )
    .argument(
      '[paths...]',
      "workspaces (apig.yaml or a folder), Swagger files, quoted globs ('specs/*.yaml') or - for standard input; " +
        'default: apig.yaml here or in a parent folder',
    )
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
    .option('--stdin-filepath <path>', 'the name standard input (-) goes by in the output and for finding its files')
    .option('--baseline <file>', 'hide the findings this baseline file lists (they no longer fail the run)')
    .option('--generate-baseline <file>', 'write the current findings to a baseline file (then hide them)')
    .option(
      '--fix',
      'fix what has one obvious correct fix, in place (comments kept; atomic writes), then lint again; ' +
        'with -, print the fixed document',
    )
    .option('--fix-dry-run', 'print the diff --fix would write, and write nothing')
    .option(
      '--list-rules',
      'list every rule: id, severity, whether --fix fixes it, its docs page, what it checks (with -f json: JSON)',
    )
    .addHelpText(
      'after',
      `
Examples:
  apig lint                                        # the workspace here, every rule, file:line:col
  apig lint 'specs/*.yaml' -f sarif -o apig.sarif -f stylish
  apig lint --fix-dry-run > fixes.diff              # what --fix would change; apig lint --fix writes it`,
    )
    .action(async (positional: string[], flags: LintFlags) => {
      if (flags.listRules) {
        const [{ listRules }, { settings }] = await Promise.all([
          import('../../lint/list-rules.js'),
          import('./lint-config.js'),
        ]);
        const { rules } = await settings(flags, ctx);
        ctx.io.out(listRules(flags.format?.includes('json') ? 'json' : 'stylish', rules));
        return;
      }
      if (flags.watch && positional.includes('-'))
        throw new ApigError('usage', '--watch cannot watch standard input: name the file instead of -');
      if (flags.watch && (flags.fix || flags.fixDryRun))
        throw new ApigError(
          'usage',
          `--watch cannot be combined with ${flags.fix ? '--fix' : '--fix-dry-run'}: ` +
            'a fix would rewrite the file under your editor; run apig lint --fix once',
        );
      const { lintOnce } = await import('./lint-run.js');
      const paths = [...positional, ...flags.workspace];
      const watched = new Set<string>();
      const code = await lintOnce(paths, flags, ctx, watched);
      if (!flags.watch) {
        ctx.setExit(code);
        return;
      }
      const { watchAndLint } = await import('./lint-watch.js');
      await watchAndLint(paths, flags, ctx, watched);
    });
}
