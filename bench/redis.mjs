// A redis-server for the benches, as the tests start one (test/e2e/redis-kit.ts): a free port, a temporary
// folder, no persistence, ready once it answers PING; stopped and removed at the end. Returns undefined, with a
// line saying how to get it, when redis-server is not installed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROGRAM = process.env.APIG_REDIS_SERVER ?? 'redis-server';

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

function answersPing(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (b) => done(b.toString('utf8').startsWith('+PONG')));
    socket.on('error', () => done(false));
  });
}

/** { url, stop() } of a fresh redis-server, or undefined when there is none to run. */
export async function startRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'apig-bench-redis-'));
  const port = await freePort();
  const child = spawn(
    PROGRAM,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const failed = new Promise((resolve) => {
    child.once('error', resolve);
    child.once('exit', (code) => resolve(new Error(`${PROGRAM} exited ${code}`)));
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (const started = Date.now(); Date.now() - started < 20_000; ) {
    const up = await Promise.race([failed, answersPing(port)]);
    if (up === true) return { url: `redis://127.0.0.1:${port}`, stop };
    if (up instanceof Error) {
      rmSync(dir, { recursive: true, force: true });
      console.log(
        `(e) skipped: ${up.code === 'ENOENT' ? `${PROGRAM} is not installed (apt-get install redis-server)` : up.message}`,
      );
      return undefined;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  await stop();
  throw new Error(`${PROGRAM} on port ${port} did not answer PING within 20 s`);
}
