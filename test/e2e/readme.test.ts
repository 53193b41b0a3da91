/**
 * README.md stays true: every `npx apig` command in its examples runs as written, in README order, through
 * the real binary as the README's reader runs it, and the output the README prints is the output the CLI
 * prints. The same reading and the same rules as for docs/ (doc-examples.ts, doc-runner.ts): what cannot run
 * here (serve, the interactive `add`, `--send` to another machine) is skipped by `notRunnable`, and the quick
 * start's gateway and demo backend run in the background for the examples that call them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apigArgs, docCommands, shellWords } from './doc-examples.js';
import { runPage } from './doc-runner.js';
import { visibleCommands } from '../../src/cli/completion/walk.js';
import { quietProgram } from './quiet-program.js';
import { ROOT, spawnCli } from './run-cli.js';

const commands = docCommands('README.md', readFileSync(join(ROOT, 'README.md'), 'utf8'));

describe('README examples', () => {
  it('finds the examples, one per command at least', () => {
    // Every command `apig --help` lists, so that a command added later needs its README example too.
    for (const cmd of visibleCommands(quietProgram())
      .map((c) => c.name())
      .filter((n) => n !== 'help'))
      expect(
        commands.some((c) => apigArgs(c)?.[0] === cmd),
        cmd,
      ).toBe(true);
  });

  it('splits shell words like a shell', () => {
    expect(shellWords(`npx apig sign --send 'http://h/a?b=1' # note`)).toEqual({
      words: ['npx', 'apig', 'sign', '--send', 'http://h/a?b=1'],
      comment: 'note',
      expands: false,
    });
    expect(shellWords(`apig add api --backend-address '#backend#' --secret '\${S}'`).words).toEqual([
      'apig',
      'add',
      'api',
      '--backend-address',
      '#backend#',
      '--secret',
      '${S}',
    ]);
    expect(shellWords('apig sign --secret "$S" https://h/').expands).toBe(true);
    expect(shellWords('apig sign --secret $S https://h/').expands).toBe(true);
  });

  // Every example is a process of its own (about fifty): on a machine busy with the rest of the suite that is more
  // than the default 30 s allows, so this one test gets more (a limit on a hang, not a measure of speed).
  it('every runnable example runs as written, in the README order, and prints what the README shows', {
    timeout: 120_000,
  }, async () => {
    const report = await runPage({ commands, cli: spawnCli });
    expect(report.ran.length).toBeGreaterThan(0);
  });
});
