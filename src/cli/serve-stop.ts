/**
 * How `apig serve` stops: on SIGINT (Ctrl-C), SIGTERM or SIGHUP (the terminal hanging up), and, when npm started
 * it (`npx apig serve`, an npm script), when the npm process ends. Each finishes the requests in flight, then
 * returns; a second signal closes at once.
 *
 * Why the npm case needs watching: npm runs the command in a shell (`sh -c 'apig' serve ...`) and passes a SIGTERM
 * on to that shell only, which ends without passing it to apig; apig, re-parented to init, would serve on with no
 * one to stop it. So under npm (npm sets `npm_execpath` for what it runs, as pnpm and yarn do) apig polls its
 * parent: the parent changing means it is gone. When the parent is that shell, the shell's own parent (npm) is
 * watched too, on systems with /proc (Linux), so that npm ending any way (even killed) stops apig. Started any other
 * way (`apig serve &`, `nohup apig serve &`, a service manager) apig never watches its parent: a shell that exits
 * leaves a backgrounded gateway serving, as it leaves any server.
 */
import { readFileSync } from 'node:fs';
import type { Io } from './io.js';

const PARENT_POLL_MS = 500;
/** What npm, pnpm and yarn run a command in (`script-shell`, by default `sh`). */
const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ash', 'ksh', 'mksh']);

/** A process's name and parent from /proc (Linux); undefined elsewhere or when it is gone. */
function procStat(pid: number): { comm: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const end = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(end + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? { comm: stat.slice(stat.indexOf('(') + 1, end), ppid } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Under npm: a check that says why the process that started apig is gone, or undefined while it is there.
 * Not under npm: undefined (nothing to watch).
 */
export function parentWatch(env: NodeJS.ProcessEnv): (() => string | undefined) | undefined {
  if (env.npm_execpath === undefined || env.npm_execpath === '') return undefined;
  const parent = process.ppid;
  const stat = procStat(parent);
  // npm's shell in between: npm is its parent, watched through the shell's parent id.
  const npm = stat !== undefined && SHELLS.has(stat.comm) ? stat.ppid : undefined;
  return () => {
    if (process.ppid !== parent) return `the process that started apig (${parent}) ended`;
    if (npm === undefined) return undefined;
    // A /proc read that fails (no file descriptor left, say) tells nothing: only a new parent of the shell counts.
    const now = procStat(parent)?.ppid;
    return now !== undefined && now !== npm ? `the npm process that started apig (${npm}) ended` : undefined;
  };
}

/** Resolves once the gateway has stopped, after a signal or (under npm) the end of the process that started it. */
export function untilStopped(io: Pick<Io, 'err' | 'env'>, close: (graceMs?: number) => Promise<void>): Promise<void> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  return new Promise((done) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => stop(`${signal}: `);
    const finish = (): void => {
      clearInterval(poll);
      for (const s of signals) process.off(s, onSignal);
      done();
    };
    const stop = (why: string): void => {
      if (stopping) {
        void close(0);
        return;
      }
      stopping = true;
      io.err(`${why}finishing requests in flight, then stopping (again to stop now)\n`);
      close().then(finish, finish);
    };
    const gone = parentWatch(io.env);
    const poll =
      gone === undefined
        ? undefined
        : setInterval(() => {
            const why = gone();
            if (why !== undefined && !stopping) stop(`${why}: `);
          }, PARENT_POLL_MS);
    // The listening sockets keep the process alive; the poll alone must not.
    poll?.unref();
    for (const s of signals) process.on(s, onSignal);
  });
}
