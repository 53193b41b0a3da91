/**
 * Issue 15: the completion scripts in real shells. bash: `complete -p` shows the registration, and TAB in an
 * interactive bash on a pseudo-terminal completes a command, a workspace name, a choice written `--opt=value`
 * and a file. zsh and fish, where installed: their scripts parse (`zsh -n`, `fish --no-execute`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgramInPty } from './pty.js';
import { BIN, ROOT, runCli } from './run-cli.js';

const installed = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0']).status === 0;

/** A folder with an `apig` on PATH that runs the built CLI, and a home with nothing in it. */
function sandbox(): { path: string; home: string } {
  const dir = mkdtempSync(join(tmpdir(), 'apig-completion-sh-'));
  const bin = join(dir, 'bin');
  const home = join(dir, 'home');
  mkdirSync(bin);
  mkdirSync(home);
  writeFileSync(join(bin, 'apig'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'apig'), 0o755);
  writeFileSync(join(home, '.inputrc'), '');
  return { path: `${bin}:${process.env.PATH ?? ''}`, home };
}

describe('completion in real shells', () => {
  it('bash: complete -p shows it; TAB completes commands, names, --opt=choices and files', async () => {
    const { path, home } = sandbox();
    const bash = runProgramInPty(['bash', '--norc', '--noprofile', '-i'], {
      cwd: join(ROOT, 'fixtures/demo'),
      env: { PATH: path, HOME: home, INPUTRC: join(home, '.inputrc'), HISTFILE: '/dev/null' },
    });
    await bash.waitFor(/[$#] $/);
    bash.send("PS1='ready> '; source <(apig completion bash) && complete -p apig\r");
    await bash.waitFor('complete -F _apig_completion apig');
    await bash.waitFor('ready> ');

    bash.send('apig ad\t');
    await bash.waitFor('apig add ');
    // Three APIs of the workspace, no common beginning: the second TAB lists them (bash sorts them).
    bash.send('backend-policy --api \t\t');
    await bash.waitFor(/files\s+getUser\s+hello/);
    bash.send('getU\t');
    await bash.waitFor('--api getUser ');
    bash.send('\x15'); // Ctrl-U: a new line

    bash.send('apig serve --log-format=js\t');
    await bash.waitFor('--log-format=json ');
    bash.send('\x15');

    bash.send('apig import dem\t');
    await bash.waitFor('apig import demo.yaml ');
    bash.send('\x15exit\r');
    expect(await bash.exited).toBe(0);
  });

  it.skipIf(!installed('zsh'))('zsh: the script parses', async () => {
    const script = (await runCli(['completion', 'zsh'])).stdout;
    expect(() => execFileSync('zsh', ['-n'], { input: script })).not.toThrow();
  });

  it.skipIf(!installed('fish'))('fish: the script parses', async () => {
    const script = (await runCli(['completion', 'fish'])).stdout;
    expect(() => execFileSync('fish', ['--no-execute'], { input: script })).not.toThrow();
  });

  it('bash: the script parses (bash -n)', async () => {
    const script = (await runCli(['completion', 'bash'])).stdout;
    expect(() => execFileSync('bash', ['-n'], { input: script })).not.toThrow();
  });
});
