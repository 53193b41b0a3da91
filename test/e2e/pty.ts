/**
 * Drives the real binary through a pseudo-terminal: python3's pty module gives the child a terminal
 * (stdin.isTTY), relays our keystrokes to it and its screen output back. Waits are for text on screen,
 * never for time, so a slow machine only makes the test slower.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN } from './run-cli.js';

const RELAY = `
import os, pty, sys, select, fcntl, termios, struct
argv = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 160, 0, 0))
    os.execvp(argv[0], argv)
watch = [fd, 0]
while True:
    r, _, _ = select.select(watch, [], [])
    if fd in r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        os.write(1, data)
    if 0 in r:
        data = os.read(0, 65536)
        if data:
            os.write(fd, data)
        else:
            watch = [fd]
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

export const KEY = { up: '\x1b[A', down: '\x1b[B', enter: '\r', space: ' ', backspace: '\x7f' } as const;

/** ANSI escapes (colours, cursor moves, line clears) removed, so the screen text can be searched. */
export function plain(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>]/g, '');
}

export interface PtySession {
  /** Everything shown so far, escapes removed. */
  screen(): string;
  /** Resolves once `text` appears after what earlier waits consumed; rejects after `timeoutMs`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  send(keys: string): void;
  exited: Promise<number>;
  /** Ends the relay if it still runs; the program on the terminal gets a hangup when the terminal closes. */
  kill(): void;
}

export function runInPty(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): PtySession {
  return runProgramInPty([process.execPath, BIN, ...args], options);
}

/** Any program on a pseudo-terminal (`argv[0]` is looked up on PATH), e.g. an interactive shell. */
export function runProgramInPty(
  argv: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): PtySession {
  const child: ChildProcessWithoutNullStreams = spawn('python3', ['-c', RELAY, ...argv], {
    cwd: options.cwd,
    env: { ...process.env, TERM: 'xterm-256color', ...options.env },
  });
  let out = '';
  let consumed = 0;
  const waiters = new Set<() => void>();
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString('utf8');
    for (const w of [...waiters]) w();
  });
  child.stderr.on('data', (b: Buffer) => {
    out += b.toString('utf8');
    for (const w of [...waiters]) w();
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    screen: () => plain(out),
    waitFor(text, timeoutMs = 20000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const rest = plain(out).slice(consumed);
          const m =
            typeof text === 'string'
              ? rest.includes(text)
                ? { index: rest.indexOf(text), length: text.length }
                : undefined
              : (() => {
                  const r = text.exec(rest);
                  return r ? { index: r.index, length: r[0].length } : undefined;
                })();
          if (!m) return;
          consumed += m.index + m.length;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${String(text)}; the screen shows:\n${plain(out).slice(-2000)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    send: (keys) => child.stdin.write(keys),
    exited,
    kill: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}
