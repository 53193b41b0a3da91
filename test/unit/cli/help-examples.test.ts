/**
 * Issue 15: every command's --help ends with two or three examples (as `sign --help` has), and every flag an
 * example uses is one the command (or the subcommand it names) has, so that an example never fails for a typo.
 */
import { describe, expect, it } from 'vitest';
import { visibleCommands } from '../../../src/cli/completion/walk.js';
import { quietProgram } from '../../e2e/quiet-program.js';
import { runCli } from '../../e2e/run-cli.js';

const program = quietProgram();

/** Every command `apig --help` lists, so that a command added later is held to the same rule. */
const COMMANDS = visibleCommands(program)
  .map((c) => c.name())
  .filter((n) => n !== 'help');

/** The example lines after `Examples:`, each as its words before the comment (quotes removed). */
function examples(help: string): string[][] {
  const after = help.split('\nExamples:\n')[1] ?? '';
  return after
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .map((l) => (l.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).map((w) => w.replace(/^['"]|['"]$/g, '')));
}

describe('--help examples', () => {
  it.each(COMMANDS)('apig %s --help: two or three examples, with flags it has', async (command) => {
    const { stdout, code } = await runCli([command, '--help']);
    expect(code).toBe(0);
    const lines = examples(stdout);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const words of lines) {
      const start = words.indexOf('apig');
      expect(words[start + 1], words.join(' ')).toBe(command);
      const subs = program.commands.find((c) => c.name() === command)?.commands.map((c) => c.name()) ?? [];
      const sub = subs.includes(words[start + 2] ?? '') ? words[start + 2] : '';
      const own = sub ? (await runCli([command, sub as string, '--help'])).stdout : stdout;
      for (const flag of words.filter((w) => /^--?[a-zA-Z]/.test(w)))
        expect(own, `${words.join(' ')}: ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag}[ ,<\\n]`, 'm'));
    }
  });
});
