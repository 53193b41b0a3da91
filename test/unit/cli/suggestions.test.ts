/**
 * Issue 15: an unknown command (`apig remvoe`) or subcommand (`apig add apy`) is answered with the nearest real
 * one, `apig:` first, exit 2. Checked for every command and subcommand the program has, so that a command added
 * later is covered too.
 */
import { describe, expect, it } from 'vitest';
import { didYouMeanLine } from '../../../src/cli/did-you-mean.js';
import { quietProgram } from '../../e2e/quiet-program.js';
import { visibleCommands } from '../../../src/cli/completion/walk.js';
import { runCli } from '../../e2e/run-cli.js';

const program = quietProgram();

/** The name with a letter slipped in before its last: `serve` → `servqe`. */
const typo = (name: string): string => `${name.slice(0, -1)}q${name.at(-1)}`;

describe('unknown commands suggest the nearest real one', () => {
  it.each([
    [['remvoe'], "apig: unknown command 'remvoe'", '(Did you mean remove?)'],
    [['lnit'], "apig: unknown command 'lnit'", '(Did you mean one of init, lint?)'],
    [['serv'], "apig: unknown command 'serv'", '(Did you mean serve?)'],
    [['add', 'apy'], 'apig: unknown kind "apy"; choose api, app, env, throttle, acl, backend-policy', '(Did you mean'],
    [['add', 'thorttle'], 'apig: unknown kind "thorttle"', '(Did you mean throttle?)'],
  ])('apig %j', async (args, first, suggestion) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(first), r.stderr).toBe(true);
    expect(r.stderr).toContain(suggestion);
    expect(r.stdout).toBe('');
  });

  const commands = visibleCommands(program).filter((c) => c.name() !== 'help');
  it.each(commands.map((c) => c.name()))('a typo of %s suggests it', async (name) => {
    const r = await runCli([typo(name)]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^apig: unknown command '/)]);
    expect(r.stderr).toMatch(new RegExp(`\\(Did you mean (one of )?([\\w-]+, )*${name}\\b`));
  });

  const subcommands = commands.flatMap((c) =>
    visibleCommands(c)
      .filter((s) => s.name() !== 'help' && s.name().length > 3)
      .map((s) => [c.name(), s.name()] as const),
  );
  it.each(subcommands)('a typo of %s %s suggests it', async (command, sub) => {
    const r = await runCli([command, typo(sub)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^apig: /);
    expect(r.stderr).toMatch(new RegExp(`\\(Did you mean (one of )?([\\w-]+, )*${sub}\\b`));
  });

  it('suggests as commander does: the fewest edits, at most three, and more alike than not', () => {
    expect(didYouMeanLine('apy', ['api', 'app', 'env'])).toBe('\n(Did you mean one of api, app?)');
    expect(didYouMeanLine('enb', ['api', 'app', 'env'])).toBe('\n(Did you mean env?)');
    expect(didYouMeanLine('thing', ['api', 'app', 'env', 'throttle', 'acl', 'backend-policy'])).toBe('');
    expect(didYouMeanLine('foo', ['api', 'app'])).toBe('');
  });
});
