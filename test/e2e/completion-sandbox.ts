/**
 * What the completion tests in real shells share: a scratch folder with an `apig` on PATH that runs the built
 * CLI, a private home (nothing of the user's own shell set-up is read), and a copy of fixtures/demo to complete
 * its names in; and the check that a shell is there to try, which fails, saying how to install it, when not.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { type PtySession, runProgramInPty } from './pty.js';
import { BIN, ROOT } from './run-cli.js';

/** A scratch folder, removed when the test ends. */
export interface Sandbox {
  /** PATH with the folder of our `apig` first. */
  path: string;
  /** An empty home folder (HOME of the programs `start` starts). */
  home: string;
  /** A copy of fixtures/demo (APIs hello, getUser and files; app app1), to run the shell in. */
  workspace: string;
  /** `argv` on a pseudo-terminal in `workspace`, with `env` added to ours; ended when the test ends. */
  start(argv: readonly string[], env: NodeJS.ProcessEnv): PtySession;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'apig-completion-sh-'));
  const bin = join(dir, 'bin');
  const home = join(dir, 'home');
  const workspace = join(dir, 'demo');
  mkdirSync(bin);
  mkdirSync(home);
  cpSync(join(ROOT, 'fixtures/demo'), workspace, { recursive: true });
  writeFileSync(join(bin, 'apig'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'apig'), 0o755);
  const sessions: PtySession[] = [];
  onTestFinished(() => {
    for (const s of sessions) s.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  const path = `${bin}:${process.env.PATH ?? ''}`;
  return {
    path,
    home,
    workspace,
    start(argv, env) {
      const session = runProgramInPty(argv, { cwd: workspace, env: { PATH: path, HOME: home, ...env } });
      sessions.push(session);
      return session;
    },
  };
}

/**
 * Fails the test, naming the package to install, when `shell` is not installed: a completion script that was
 * never tried in its shell must not pass for tested. (.ci/run installs them before the tests.)
 */
export function needShell(shell: 'bash' | 'zsh' | 'fish'): void {
  if (spawnSync(shell, ['-c', 'exit 0']).status === 0) return;
  throw new Error(
    `${shell} is not installed, so apig's ${shell} completion cannot be tried in it. Install it ` +
      `(on Debian or Ubuntu: apt-get install ${shell}; on macOS: brew install ${shell}) and run the tests again.`,
  );
}

/**
 * The shell lines of docs/completion.md's ```` ```LANG ```` blocks, a list for each block, in page order: the
 * tests load the scripts as the page tells users to.
 */
export function docBlocks(lang: 'bash' | 'zsh' | 'fish'): string[][] {
  const page = readFileSync(join(ROOT, 'docs/completion.md'), 'utf8');
  return [...page.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\``, 'gm'))].map((m) =>
    (m[1] ?? '').split('\n').filter((line) => line.trim() !== ''),
  );
}

/**
 * A home where zsh reads only `.zshrc` (with `zsh -d -i` and this ZDOTDIR): emacs keys, comments allowed on the
 * command line, and the prompt `ready> `, then `lines` (the user's own set-up, e.g. docs/completion.md's), then
 * `print zshrc-read`, which tells the test a new shell has started.
 */
export function zshHome(home: string, lines: readonly string[]): NodeJS.ProcessEnv {
  const own = ["PS1='ready> '", 'bindkey -e', 'setopt interactive_comments'];
  writeFileSync(join(home, '.zshrc'), [...own, ...lines, 'print zshrc-read', ''].join('\n'));
  return { ZDOTDIR: home, HISTFILE: '/dev/null' };
}

/**
 * A home for `fish -i`: its config, data and cache folders inside it, the prompt `ready> `, no greeting, no
 * autosuggestions (they would run completions as keys arrive, and show text the test waits for). The folder
 * of completions made from man pages is made empty, so a first start does not spend a minute making them.
 */
export function fishHome(home: string): NodeJS.ProcessEnv {
  const config = join(home, '.config');
  const data = join(home, '.local/share');
  mkdirSync(join(config, 'fish'), { recursive: true });
  mkdirSync(join(data, 'fish/generated_completions'), { recursive: true });
  writeFileSync(
    join(config, 'fish/config.fish'),
    [
      "function fish_prompt; echo -n 'ready> '; end",
      'function fish_right_prompt; end',
      'function fish_title; end',
      'set -g fish_greeting',
      'set -g fish_autosuggestion_enabled 0',
      '',
    ].join('\n'),
  );
  return { XDG_CONFIG_HOME: config, XDG_DATA_HOME: data, XDG_CACHE_HOME: join(home, '.cache') };
}

/**
 * Types `typed` at the shell's prompt and presses TAB; then shows the line the completion made, which must be
 * `expected`: it adds a mark (`@`, right after what TAB inserted, so a trailing space shows as ` @`), goes to
 * the start of the line (Ctrl-A), writes `echo ` and runs it. The shell prints the line on a line of its
 * own, whatever it drew while editing. After a TAB that listed candidates, `typed` goes on from that line.
 * The prompt must be `ready> `.
 */
export async function completes(shell: PtySession, typed: string, expected: string): Promise<void> {
  shell.send(`${typed}\t@\x01echo \r`);
  await printed(shell, `${expected}@`);
}

/**
 * Runs `commands` (one line, in any of the three shells) and waits for the prompt after them: they are followed
 * by `echo ran`, whose output (not a prompt the shell draws again while the line is typed) is waited for first.
 */
export async function runs(shell: PtySession, commands: string): Promise<void> {
  shell.send(`${commands}; echo ran\r`);
  await printed(shell, 'ran');
}

/** `line` printed on a line of its own, then the prompt after it. */
async function printed(shell: PtySession, line: string): Promise<void> {
  const escaped = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await shell.waitFor(new RegExp(`\\n\\r?${escaped}\\r?\\n`));
  await shell.waitFor('ready> ');
}
