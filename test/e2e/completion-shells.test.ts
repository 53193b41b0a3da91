/**
 * Issue 15: the completion scripts in real shells, each loaded as docs/completion.md tells users to, in an
 * interactive shell on a pseudo-terminal, with TAB pressed as a user would: a command, a subcommand, a flag, an
 * option's value, the workspace's names (a list, then one) and a file, in a copy of fixtures/demo. bash also
 * shows its registration with `complete -p`. A shell that is not installed fails its tests, saying how to
 * install it: nothing is skipped.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completes, docBlocks, fishHome, needShell, runs, sandbox, zshHome } from './completion-sandbox.js';
import { runCli } from './run-cli.js';

describe('completion in real shells', () => {
  it('bash: complete -p shows it; TAB completes commands, names, --opt=choices and files', async () => {
    needShell('bash');
    const box = sandbox();
    writeFileSync(join(box.home, '.inputrc'), '');
    const bash = box.start(['bash', '--norc', '--noprofile', '-i'], {
      INPUTRC: join(box.home, '.inputrc'),
      HISTFILE: '/dev/null',
    });
    await bash.waitFor(/[$#] $/);
    // docs/completion.md's first way: the script sourced.
    const [load] = docBlocks('bash');
    bash.send(`PS1='ready> '; ${load?.join('; ')}; complete -p apig\r`);
    await bash.waitFor(/\n\r?complete -F _apig_completion apig\r?\n/);
    await bash.waitFor('ready> ');

    await completes(bash, 'apig ad', 'apig add ');
    await completes(bash, 'apig add th', 'apig add throttle ');
    await completes(bash, 'apig serve --log-f', 'apig serve --log-format ');
    // Three APIs of the workspace, no common beginning: the second TAB lists them (bash sorts them).
    bash.send('apig add backend-policy --api \t\t');
    await bash.waitFor(/files\s+getUser\s+hello/);
    await completes(bash, 'getU', 'apig add backend-policy --api getUser ');
    await completes(bash, 'apig serve --log-format=js', 'apig serve --log-format=json ');
    await completes(bash, 'apig import dem', 'apig import demo.yaml ');
    bash.send('exit\r');
    expect(await bash.exited).toBe(0);
  });

  it('zsh: saved as _apig in $fpath before compinit, or sourced after it, TAB completes', async () => {
    needShell('zsh');
    const box = sandbox();
    // docs/completion.md: the script saved (typed at the prompt), the lines for ~/.zshrc, a new shell.
    const [save, zshrc, source] = docBlocks('zsh');
    const zsh = box.start(['zsh', '-d', '-i'], zshHome(box.home, zshrc ?? []));
    await zsh.waitFor('zshrc-read');
    await zsh.waitFor('ready> ');
    zsh.send(`${save?.join('; ')}; exec zsh -d -i\r`);
    await zsh.waitFor('zshrc-read');
    await zsh.waitFor('ready> ');

    await completes(zsh, 'apig ad', 'apig add ');
    await completes(zsh, 'apig add th', 'apig add throttle ');
    await completes(zsh, 'apig serve --log-f', 'apig serve --log-format ');
    await completes(zsh, 'apig add api --method PA', 'apig add api --method PATCH ');
    // Three names, no common beginning: zsh lists them, each with its method and path.
    zsh.send('apig edit api \t');
    await zsh.waitFor(/files\s+-- GET \/files\s+getUser\s+-- GET \/users\/\{userId\}\s+hello\s+-- GET \/hello/);
    await completes(zsh, 'getU', 'apig edit api getUser ');
    await completes(zsh, 'apig lint --config=dem', 'apig lint --config=demo.yaml ');

    // The other way: no _apig from $fpath, the script sourced after compinit.
    await runs(zsh, `compdef -d apig; unfunction _apig; ${source?.join('; ')}`);
    await completes(zsh, 'apig sign --app ', 'apig sign --app app1 ');
    zsh.send('exit\r');
    expect(await zsh.exited).toBe(0);
  });

  it('fish: saved in ~/.config/fish/completions, or sourced, TAB completes', async () => {
    needShell('fish');
    const box = sandbox();
    const fish = box.start(['fish', '-i'], fishHome(box.home));
    await fish.waitFor('ready> ');
    // docs/completion.md, typed at the prompt: fish loads the file the first time TAB follows `apig`.
    const [save] = docBlocks('fish');
    await runs(fish, `${save?.join('; ')}`);

    await completes(fish, 'apig ad', 'apig add ');
    await completes(fish, 'apig add th', 'apig add throttle ');
    await completes(fish, 'apig serve --log-f', 'apig serve --log-format ');
    await completes(fish, 'apig add api --method PA', 'apig add api --method PATCH ');
    // Three names, no common beginning: fish lists them, each with its method and path.
    fish.send('apig edit api \t');
    await fish.waitFor(/files\s+\(GET \/files\)\s+getUser\s+\(GET \/users\/\{userId\}\)\s+hello\s+\(GET \/hello\)/);
    await completes(fish, 'getU', 'apig edit api getUser ');
    await completes(fish, 'apig import dem', 'apig import demo.yaml ');

    // The other way: the saved file and what it defined gone, the script sourced.
    await runs(
      fish,
      'rm ~/.config/fish/completions/apig.fish; complete -c apig -e; functions -e __apig_complete; ' +
        'apig completion fish | source',
    );
    await completes(fish, 'apig sign --app ', 'apig sign --app app1 ');
    fish.send('exit\r');
    expect(await fish.exited).toBe(0);
  });

  it.each([
    ['bash', ['-n']],
    ['zsh', ['-n']],
    ['fish', ['--no-execute']],
  ] as const)('%s: the script parses', async (shell, check) => {
    needShell(shell);
    // From a file: fish does not read a script from a socket on its standard input, which is what Node gives.
    const file = join(sandbox().home, `apig.${shell}`);
    writeFileSync(file, (await runCli(['completion', shell])).stdout);
    expect(() => execFileSync(shell, [...check, file])).not.toThrow();
  });
});
