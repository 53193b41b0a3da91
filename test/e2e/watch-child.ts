/**
 * `apig lint --watch` as a real child process (the built binary): its output so far, a wait for a pattern in what
 * came after a mark, and Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { BIN } from './run-cli.js';

export interface Watching {
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once `pattern` shows in the output after its first `from` characters; fails after 20 s. */
  waitFor(pattern: RegExp, from?: number): Promise<void>;
  /** Ctrl-C, and the exit code. */
  stop(): Promise<number | null>;
}

export function watchLint(args: readonly string[], cwd: string): Watching {
  const child = spawn(process.execPath, [BIN, 'lint', '--watch', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  const waiting: Array<() => void> = [];
  const onData = (b: Buffer): void => {
    out += b.toString();
    for (const w of [...waiting]) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    output: () => out,
    waitFor: (pattern, from = 0) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${out.slice(from)}`)), 20000);
        const check = (): void => {
          if (!pattern.test(out.slice(from))) return;
          clearTimeout(timer);
          waiting.splice(waiting.indexOf(check), 1);
          resolve();
        };
        waiting.push(check);
        check();
      }),
    stop: () => {
      child.kill('SIGINT');
      return closed;
    },
  };
}
