/**
 * A real redis-server for the tests of the Redis state store: started on a free port in a temporary folder
 * (no persistence), waited for until it answers PING, stopped and started again on the same port (the fault
 * tests), and removed. No mock: without redis-server the tests that need it fail, saying how to install it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The program to run: redis-server on the PATH, or APIG_REDIS_SERVER. */
const PROGRAM = process.env.APIG_REDIS_SERVER ?? 'redis-server';
export const INSTALL_HINT =
  'the Redis state store tests need a real redis-server on the PATH: install it with ' +
  '`apt-get install redis-server` (Debian, Ubuntu; .ci/run does this), `brew install redis` (macOS), ' +
  'or set APIG_REDIS_SERVER to its path';

export interface RedisServer {
  port: number;
  /** redis://127.0.0.1:PORT (with the password when there is one). */
  url: string;
  /** Stops the server (its data go with it: nothing is saved). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open and nothing answers, as with a hung server. */
  pause(): void;
  /** Thaws it (SIGCONT). */
  resume(): void;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startRedis(options: { password?: string } = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'apig-redis-'));
  let child: ChildProcess | undefined;
  let port = 0;
  const launch = async (): Promise<void> => {
    child = await spawnServer(port, dir, options.password);
  };
  // A free port can be taken between our look and redis-server's bind: a few tries.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (err) {
      if (attempt >= 3 || (err as Error).message.includes(INSTALL_HINT)) {
        rmSync(dir, { recursive: true, force: true });
        throw err;
      }
    }
  }
  const auth = options.password !== undefined ? `:${encodeURIComponent(options.password)}@` : '';
  const stop = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (c) await stopProcess(c);
  };
  return {
    port,
    url: `redis://${auth}127.0.0.1:${port}`,
    stop,
    start: launch,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function spawnServer(port: number, dir: string, password: string | undefined): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  if (password !== undefined) args.push('--requirepass', password);
  const child = spawn(PROGRAM, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString('utf8')));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString('utf8')));
  const ended = new Promise<Error>((resolve) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      resolve(err.code === 'ENOENT' ? new Error(`${PROGRAM} not found: ${INSTALL_HINT}`) : err),
    );
    child.once('exit', (code) => resolve(new Error(`${PROGRAM} on port ${port} exited ${code}:\n${output}`)));
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const started = Date.now();
  for (;;) {
    const outcome = await Promise.race([ended, answersPing(port).then((ok) => (ok ? 'up' : 'not yet'))]);
    if (outcome instanceof Error) {
      running.delete(child);
      throw outcome;
    }
    if (outcome === 'up') return child;
    // A guard against a server that never comes up, not a timing assumption.
    if (Date.now() - started > 20_000) {
      child.kill('SIGKILL');
      throw new Error(`${PROGRAM} on port ${port} did not answer PING within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Whether a Redis answers on the port (`-NOAUTH` counts: the server is up, it wants a password). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (b: Buffer) => {
      got += b.toString('utf8');
      if (got.includes('\r\n')) done(got.startsWith('+PONG') || got.startsWith('-NOAUTH'));
    });
    socket.on('error', () => done(false));
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
