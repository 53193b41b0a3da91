/**
 * `apig serve --workers 2` through the real binary (real processes, real sockets on port 0): counters exact
 * across the workers (the primary keeps them), the AK lock-out shared, the virtual clock moved in every worker,
 * draining on SIGTERM, a killed worker replaced, one log whose lines name their worker, `--watch` reaching
 * every worker, and a worker that goes on alone when its primary stops answering. Which worker served a request
 * is read from the log (its `worker` field, or the `[wN]` prefix). Never asserts on timing.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client, Pool } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './run-cli.js';
import { bodyOf, raw, spawnServe, startBackend, until, type Backend, type CliServer } from './serve-helpers.js';
import {
  AKSK,
  APP,
  LIMIT,
  TOKEN,
  apis,
  fresh,
  logLines,
  servedBy,
  signed,
  workersWorkspace,
  type Answer,
} from './serve-workers-kit.js';

const T0 = '2024-01-01T00:00:00Z';
const dirs: string[] = [];
const children: CliServer[] = [];
const backends: Backend[] = [];

async function serve(args: readonly string[]): Promise<CliServer> {
  const s = await spawnServe(args);
  children.push(s);
  return s;
}
function workspace(slowPort?: number): string {
  const dir = workersWorkspace(slowPort);
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const c of children.splice(0))
    if (c.child.exitCode === null && c.child.signalCode === null) {
      c.child.kill('SIGCONT');
      c.child.kill('SIGKILL');
    }
  for (const b of backends.splice(0)) await b.close();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const portOf = (s: CliServer): number => Number(new URL(s.url).port);
/** The workers' process ids, from the start-up line (text or JSON). */
function pidsOf(s: CliServer): number[] {
  const json = logLines(s.stdout()).find((l) => l.type === 'workers');
  if (json) return json.pids as number[];
  return (/\(pids ([\d, ]+)\)/.exec(s.stdout())?.[1] ?? '').split(', ').map(Number);
}
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
const count = (answers: readonly Answer[], status: number): number => answers.filter((a) => a.status === status).length;

function post(port: number, path: string, body: unknown): Promise<string> {
  const text = JSON.stringify(body);
  return raw(
    port,
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/** The workers that served these requests, once the log has a line for each. */
async function workersOf(s: CliServer, answers: readonly Answer[]): Promise<Set<number>> {
  const ids = answers.map((a) => a.requestId);
  const log = await until(s.stderr, (t) => ids.every((id) => servedBy(t).has(id)), 'a log line per request');
  const by = servedBy(log);
  return new Set(ids.map((id) => by.get(id) ?? 0));
}

describe('apig serve --workers 2', () => {
  it('counts exactly across the workers: of 400 concurrent requests 50 pass (API, IP, app and user limits)', async () => {
    const s = await serve([workspace(), '--port', '0', '--workers', '2', '--clock', T0, '--log-format', 'json']);
    const port = portOf(s);
    const now = Date.parse(T0);
    const cases: Array<[string, Record<string, string>]> = [
      ['/fifty', {}],
      ['/per-ip', {}],
      ['/per-app', signed(port, '/per-app', APP, now)],
      ['/per-user', { 'X-Auth-Token': TOKEN }],
    ];
    const all: Answer[] = [];
    for (const [path, headers] of cases) {
      const answers = await Promise.all(Array.from({ length: 400 }, () => fresh(port, path, headers)));
      expect([path, count(answers, 200), count(answers, 429)]).toEqual([path, LIMIT, 400 - LIMIT]);
      for (const a of answers.filter((x) => x.status === 429)) expect(bodyOf(a.text).error_code).toBe('APIG.0308');
      all.push(...answers);
    }
    expect(await workersOf(s, all)).toEqual(new Set([1, 2]));
  });

  it('counts exactly when workers take from tokens the primary granted them: 1,000 of 2,500 pass', async () => {
    // Far from the limit each worker takes from tokens granted ahead; near it, the primary calls back the
    // tokens a worker holds unused before it refuses anyone.
    const s = await serve([workspace(), '--port', '0', '--workers', '2', '--clock', T0, '--log-format', 'json']);
    const pool = new Pool(s.url, { connections: 16, pipelining: 1 });
    try {
      let next = 0;
      const statuses: number[] = [];
      const loop = async (): Promise<void> => {
        while (next++ < 2500) {
          const r = await pool.request({ path: '/thousand', method: 'GET' });
          await r.body.dump();
          statuses.push(r.statusCode);
        }
      };
      await Promise.all(Array.from({ length: 32 }, loop));
      expect([statuses.filter((x) => x === 200).length, statuses.filter((x) => x === 429).length]).toEqual([
        1000, 1500,
      ]);
      const log = await until(s.stderr, (t) => servedBy(t).size >= 2500, 'a log line per request');
      const passedBy = new Set(logLines(log).flatMap((l) => (l.status === 200 ? [l.worker] : [])));
      expect(passedBy).toEqual(new Set([1, 2]));
    } finally {
      await pool.close();
    }
  });

  it('a move of the virtual clock reaches every worker before it is answered', async () => {
    const s = await serve([workspace(), '--port', '0', '--workers', '2', '--clock', T0, '--log-format', 'json']);
    const port = portOf(s);
    const first = await Promise.all(Array.from({ length: 60 }, () => fresh(port, '/fifty')));
    expect(count(first, 200)).toBe(LIMIT);
    // Every worker refuses now: the window is used up.
    const refused = await Promise.all(Array.from({ length: 4 }, () => fresh(port, '/fifty')));
    expect(count(refused, 429)).toBe(4);
    const moved = await post(port, '/_apig/clock', { advance: '60s' });
    expect(bodyOf(moved)).toEqual({ now: '2024-01-01T00:01:00.000Z', epochMs: Date.parse(T0) + 60_000 });
    // The next window, whichever worker answers.
    const next: Answer[] = [];
    for (let i = 0; i < 4; i++) next.push(await fresh(port, '/fifty'));
    expect(count(next, 200)).toBe(4);
    expect(await workersOf(s, next)).toEqual(new Set([1, 2]));
  });

  it('5 AK/SK failures spread over the workers lock the AK in every worker', async () => {
    const s = await serve([workspace(), '--port', '0', '--workers', '2', '--clock', T0, '--log-format', 'json']);
    const port = portOf(s);
    const now = Date.parse(T0);
    const bad: Answer[] = [];
    for (let i = 0; i < 5; i++)
      bad.push(await fresh(port, '/iam', signed(port, '/iam', { ...AKSK, secret: 'x' }, now)));
    expect(count(bad, 401)).toBe(5);
    expect(await workersOf(s, bad)).toEqual(new Set([1, 2]));
    const good: Answer[] = [];
    for (let i = 0; i < 2; i++) good.push(await fresh(port, '/iam', signed(port, '/iam', AKSK, now)));
    for (const g of good)
      expect(bodyOf(g.text).error_msg).toBe(
        'Incorrect IAM authentication information: AK access failed to reach the limit, forbidden.',
      );
    expect(await workersOf(s, good)).toEqual(new Set([1, 2]));
  });

  it('SIGTERM: every worker finishes its requests in flight, then all end, exit 0', async () => {
    const held: Array<() => void> = [];
    const slow = await startBackend('slow', (_req, res) => held.push(() => res.end('{"slow":true}')));
    backends.push(slow);
    const s = await serve([workspace(slow.port), '--port', '0', '--workers', '2']);
    const port = portOf(s);
    const pids = pidsOf(s);
    expect(pids).toHaveLength(2);
    // One request in flight in each worker (connections go to the workers in turn).
    const first = fresh(port, '/slow');
    await until(
      () => String(slow.seen.length),
      (n) => n === '1',
      'the first request at the backend',
    );
    const second = fresh(port, '/slow');
    await until(
      () => String(slow.seen.length),
      (n) => n === '2',
      'the second request at the backend',
    );
    s.child.kill('SIGTERM');
    await until(s.stderr, (t) => t.includes('finishing requests in flight'), 'the draining line');
    for (const release of held) release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(await s.exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    // Text log lines name their worker.
    expect(s.stderr()).toMatch(/^\[w1\] 200 GET \/slow → workers\/slow RELEASE/m);
    expect(s.stderr()).toMatch(/^\[w2\] 200 GET \/slow → workers\/slow RELEASE/m);
  });

  it('a killed worker is replaced, and the log says so', async () => {
    const s = await serve([workspace(), '--port', '0', '--workers', '2', '--log-format', 'json']);
    const port = portOf(s);
    const [one, two] = pidsOf(s) as [number, number];
    process.kill(one, 'SIGKILL');
    const log = await until(
      s.stderr,
      (t) => logLines(t).some((l) => l.type === 'worker-replaced'),
      'the replacement of worker 1',
    );
    const lines = logLines(log);
    expect(lines.find((l) => l.type === 'worker-exit')).toMatchObject({ worker: 1, pid: one, signal: 'SIGKILL' });
    const replaced = lines.find((l) => l.type === 'worker-replaced');
    expect(replaced).toMatchObject({ worker: 1 });
    expect(replaced?.pid).not.toBe(one);
    expect(alive(two)).toBe(true);
    const after: Answer[] = [];
    for (let i = 0; i < 4; i++) after.push(await fresh(port, '/open'));
    expect(count(after, 200)).toBe(4);
    expect(await workersOf(s, after)).toEqual(new Set([1, 2]));
  });

  it('a replacement that cannot start is retried after pauses that grow, never in a tight loop', async () => {
    const dir = workspace();
    const s = await serve([dir, '--port', '0', '--workers', '2', '--log-format', 'json']);
    // The workspace on disk no longer loads: a replacement fails where the running workers keep serving.
    writeFileSync(join(dir, 'api.yaml'), 'swagger: "2.0"\npaths: [not, a, map]\n');
    process.kill(pidsOf(s)[0] as number, 'SIGKILL');
    const log = await until(
      s.stderr,
      (t) => logLines(t).filter((l) => l.type === 'worker-exit').length >= 3,
      'three exits of worker 1',
    );
    const lines = logLines(log);
    expect(lines.filter((l) => l.type === 'worker-exit').map((l) => l.restartInMs)).toEqual([250, 500, 1000]);
    expect(lines.find((l) => l.type === 'worker-failed')).toMatchObject({
      worker: 1,
      message: expect.stringContaining('the workspace has errors; not serving'),
    });
    expect((await fresh(portOf(s), '/open')).status).toBe(200);
  });

  it('--watch: the primary watches, every worker reloads, the log says it once; --trace lines name their worker', async () => {
    const dir = workspace();
    const s = await serve([dir, '--port', '0', '--workers', '2', '--watch', '--trace']);
    const port = portOf(s);
    // What the command prints at start, it prints once, however many workers.
    const start = await until(s.stdout, (t) => t.includes('fidelity'), 'the tables');
    expect(start.match(/^apig gateway listening on /gm)).toHaveLength(1);
    expect(start.match(/^METHOD +PATH/gm)).toHaveLength(1);
    expect(start).toMatch(
      /^2 worker processes \(pids \d+, \d+\) share the port; counters kept by the primary process$/m,
    );
    expect((await fresh(port, '/added')).status).toBe(404);
    const added = `  /added:
    get:
      operationId: added
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"api":"added"}' } }
`;
    writeFileSync(join(dir, 'api.yaml'), apis(added));
    await until(s.stderr, (t) => /reloaded: \d+ API\(s\)/.test(t), 'the reload line');
    const after: Answer[] = [];
    for (let i = 0; i < 4; i++) after.push(await fresh(port, '/added'));
    expect(count(after, 200)).toBe(4);
    const log = await until(
      s.stderr,
      (t) => after.every((a) => t.includes(a.requestId)),
      'the log lines of the requests',
    );
    expect(log.match(/reloaded: /g)).toHaveLength(1);
    expect(log).toMatch(/^\[w1\] 200 GET \/added → workers\/added RELEASE/m);
    expect(log).toMatch(/^\[w2\] 200 GET \/added → workers\/added RELEASE/m);
    expect(log).toMatch(/^\[w1\] {5}throttling: within limits/m);
    expect(log).toMatch(/^\[w2\] {5}throttling: within limits/m);
  });

  it('a worker whose primary stops answering counts alone, says so once, and shares again once it answers', async () => {
    const s = await serve([workspace(), '--port', '0', '--workers', '2', '--log-format', 'json']);
    const client = new Client(s.url, { pipelining: 1 });
    try {
      const get = async (): Promise<number> => {
        const r = await client.request({ path: '/fifty', method: 'GET' });
        await r.body.dump();
        return r.statusCode;
      };
      expect(await get()).toBe(200);
      // The primary accepts no connection and answers no call now; the worker keeps the client's connection.
      s.child.kill('SIGSTOP');
      try {
        expect(await get()).toBe(200);
      } finally {
        s.child.kill('SIGCONT');
      }
      const log = await until(
        s.stderr,
        (t) => t.includes('answers again'),
        'the worker saying that the primary answers again',
      );
      const warnings = logLines(log).filter((l) => l.type === 'warning');
      expect(warnings.map((w) => String(w.message).split(':')[0])).toEqual([
        expect.stringMatching(/^the primary process did not answer within 3 s$/),
        'the primary process answers again',
      ]);
      expect(await get()).toBe(200);
    } finally {
      await client.close();
    }
  });

  it('a port in use: exit 2 with the reason, as with one process', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const r = await spawnCli(['serve', workspace(), '--port', String(port), '--workers', '2']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use`);
    } finally {
      taken.close();
    }
  });

  it('--workers takes a number of processes or auto', async () => {
    for (const bad of ['0', 'two', '1.5']) {
      const r = await runCli(['serve', workspace(), '--port', '0', '--workers', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--workers must be a number of processes (1–256) or "auto", not "${bad}"`);
    }
  });
});
