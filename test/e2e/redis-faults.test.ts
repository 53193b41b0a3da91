/**
 * The Redis state store's faults, with a real redis-server stopped, restarted and frozen during a run (issue 16):
 * unreachable at start is exit 2 with the address (password masked) and the reason; lost while serving, requests
 * go on with counters in each process (fail open) and one warning per outage, and shared counting resumes when
 * it is back; `--state-fail closed` answers the gateway's 500 instead; a frozen Redis never holds a request.
 * No timing assertions: waits are guards with generous limits.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayEvent } from '../../src/gateway/index.js';
import { runCli } from './run-cli.js';
import { signedHeaders } from './serve-auth-kit.js';
import { AK, LIMIT, T0, burst, eventually, sharedGateways, writeWorkspace, type Replicas } from './redis-gateways.js';
import { startRedis, type RedisServer } from './redis-kit.js';
import { call, closedPort, spawnServe, until } from './serve-helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The replicas' workspace in a folder of its own, removed after the test. */
function workspace(more?: string): { file: string } {
  const ws = writeWorkspace(more);
  cleanups.push(async () => rmSync(ws.dir, { recursive: true, force: true }));
  return ws;
}

async function setUp(count: number, fail: 'open' | 'closed'): Promise<{ redis: RedisServer; gws: Replicas }> {
  const redis = await startRedis();
  cleanups.push(() => redis.close());
  const gws = await sharedGateways(redis, count, { prefix: `apig:faults-${fail}:`, fail });
  cleanups.push(() => gws.close());
  return { redis, gws };
}

const stateEvents = (events: GatewayEvent[], status: 'lost' | 'back') =>
  events.filter((e) => e.type === 'state' && e.status === status);

async function sequential(get: (path: string) => Promise<{ status: number }>, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await get('/api')).status);
  return out;
}

describe('Redis lost while serving (--state-fail open, the default)', () => {
  it('requests go on with local counters, one warning per outage; after a restart shared counting resumes', async () => {
    const { redis, gws } = await setUp(2, 'open');
    const [a, b] = gws.replicas;
    if (!a || !b) throw new Error('two replicas');
    expect((await a.get('/api')).status).toBe(200);
    await redis.stop();
    // Each process counts for itself now: 50 of 100 pass on each, and every request is answered.
    for (const r of [a, b]) {
      const statuses = await sequential(r.get, 100);
      expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
      expect(statuses.filter((s) => s === 429)).toHaveLength(100 - LIMIT);
    }
    for (const r of [a, b]) {
      const lost = stateEvents(r.events, 'lost');
      expect(lost).toHaveLength(1);
      expect(lost[0]).toMatchObject({
        message: expect.stringMatching(
          /^state store redis:\/\/127\.0\.0\.1:\d+\/0 lost \(.+\): counting in this process/,
        ),
      });
    }
    await redis.start();
    for (const r of [a, b]) await eventually('the store to come back', () => stateEvents(r.events, 'back').length > 0);
    for (const r of [a, b]) {
      expect(stateEvents(r.events, 'lost')).toHaveLength(1);
      expect(stateEvents(r.events, 'back')).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/is back: shared counting resumes$/) }),
      ]);
    }
    gws.advance(60_000);
    const replies = await burst(gws.replicas, 400, '/api');
    expect(replies.filter((r) => r.status === 200)).toHaveLength(LIMIT);
  });

  it('a frozen Redis (connections open, no answer) holds no request: it is lost after the command timeout', async () => {
    const { redis, gws } = await setUp(1, 'open');
    const [a] = gws.replicas;
    if (!a) throw new Error('one replica');
    expect((await a.get('/api')).status).toBe(200);
    redis.pause();
    try {
      expect((await a.get('/api')).status).toBe(200);
      expect((await a.get('/api')).status).toBe(200);
      expect(stateEvents(a.events, 'lost')).toEqual([
        expect.objectContaining({ message: expect.stringContaining('(Command timed out)') }),
      ]);
    } finally {
      redis.resume();
    }
    await eventually('the store to come back', () => stateEvents(a.events, 'back').length > 0);
    expect((await a.get('/api')).status).toBe(200);
  });
});

describe('--state-fail closed', () => {
  it('answers 500 with the gateway’s own body while Redis is lost, and serves again when it is back', async () => {
    const { redis, gws } = await setUp(1, 'closed');
    const [a] = gws.replicas;
    if (!a) throw new Error('one replica');
    expect((await a.get('/api')).status).toBe(200);
    await redis.stop();
    const refused = await a.get('/api');
    expect(refused.status).toBe(500);
    const body = refused.json();
    expect(body).toEqual({
      error_code: 'APIG.0201',
      error_msg: 'An unexpected error occurred',
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    // The AK/SK lock-out needs the store too.
    const signed = await a.get('/iam', signedHeaders(`${a.url}/iam`, AK, a.clock.now()));
    expect(signed.status).toBe(500);
    expect(stateEvents(a.events, 'lost')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('answering 500 until it is back') }),
    ]);
    const logged = a.events.filter((e) => e.type === 'request' && e.status === 500);
    expect(logged[0]).toMatchObject({ errorCode: 'APIG.0201', detail: expect.stringContaining('--state-fail closed') });
    await redis.start();
    await eventually('the store to come back', () => stateEvents(a.events, 'back').length > 0);
    expect((await a.get('/api')).status).toBe(200);
  });
});

describe('apig serve --state', () => {
  it('Redis unreachable at start: exit 2 with the address, password masked, and the reason', async () => {
    const ws = workspace();
    const port = await closedPort();
    const r = await runCli(['serve', ws.file, '-p', '0', '--state', `redis://apig:very-secret-pw@127.0.0.1:${port}/2`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `apig: cannot reach the state store redis://apig:ver***@127.0.0.1:${port}/2: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect(r.stdout + r.stderr).not.toContain('very-secret-pw');
  });

  it('a wrong password at start: exit 2, Redis’s reason, the password masked', async () => {
    const redis = await startRedis({ password: 'right-password' });
    cleanups.push(() => redis.close());
    const ws = workspace();
    const r = await runCli(['serve', ws.file, '-p', '0', '--state', `redis://:wrong-password@127.0.0.1:${redis.port}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot reach the state store redis:\/\/:wro\*\*\*@127\.0\.0\.1:\d+\/0: WRONGPASS/);
    expect(r.stdout + r.stderr).not.toContain('wrong-password');
  });

  it('state: in apig.yaml with ${ENV} secrets; JSON lines on stdout and stderr; the password never shown', async () => {
    const password = 'correct-horse-battery';
    const redis = await startRedis({ password });
    cleanups.push(() => redis.close());
    const ws = workspace('state:\n  url: ${REDIS_URL}\n  password: ${REDIS_PASSWORD}\n  prefix: "apig:cli:"\n');
    const env = { REDIS_URL: `redis://127.0.0.1:${redis.port}/1`, REDIS_PASSWORD: password };
    const server = await spawnServe([ws.file, '-p', '0', '--clock', String(T0), '--log-format', 'json'], env);
    cleanups.push(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    });
    await until(server.stdout, (t) => t.includes('"type":"state"'), 'the state line');
    const stateLine = server
      .stdout()
      .split('\n')
      .find((l) => l.includes('"type":"state"'));
    expect(JSON.parse(stateLine ?? '{}')).toEqual({
      type: 'state',
      store: `redis://:cor***@127.0.0.1:${redis.port}/1`,
      prefix: 'apig:cli:',
      fail: 'open',
    });
    expect((await call(`${server.url}/api`)).status).toBe(200);
    await redis.stop();
    expect((await call(`${server.url}/api`)).status).toBe(200);
    const err = await until(server.stderr, (t) => t.includes('"status":"lost"'), 'the lost line');
    const lost = err
      .split('\n')
      .filter((l) => l.includes('"type":"state"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lost).toEqual([expect.objectContaining({ type: 'state', status: 'lost' })]);
    expect(server.stdout() + server.stderr()).not.toContain(password);
  });
});
