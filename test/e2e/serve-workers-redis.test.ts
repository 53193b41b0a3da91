/**
 * `apig serve --workers 2 --state redis://…`: each worker opens the Redis store itself, and the counters are
 * Redis's: of 400 concurrent requests to an API limited to 50 per window, on a fixed virtual clock, exactly 50
 * pass, whichever worker takes each. A real redis-server on a free port (redis-kit.ts), real processes.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from './redis-kit.js';
import { bodyOf, spawnServe, until, type CliServer } from './serve-helpers.js';
import { fresh, LIMIT, servedBy, workersWorkspace, type Answer } from './serve-workers-kit.js';

const cleanup: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe('apig serve --workers 2 --state redis://…', () => {
  it('counts in Redis: exactly 50 of 400 concurrent requests pass across the workers', async () => {
    const redis: RedisServer = await startRedis();
    cleanup.push(() => redis.close());
    const dir = workersWorkspace();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const s: CliServer = await spawnServe([
      dir,
      '--port',
      '0',
      '--workers',
      '2',
      '--state',
      redis.url,
      '--clock',
      '2024-01-01T00:00:00Z',
      '--log-format',
      'json',
    ]);
    cleanup.push(() => {
      if (s.child.exitCode === null) s.child.kill('SIGKILL');
    });
    expect(s.stdout()).toContain('"type":"workers","count":2');
    const port = Number(new URL(s.url).port);
    const answers: Answer[] = await Promise.all(Array.from({ length: 400 }, () => fresh(port, '/fifty')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(LIMIT);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(400 - LIMIT);
    for (const a of refused) expect(bodyOf(a.text).error_code).toBe('APIG.0308');
    const log = await until(s.stderr, (t) => answers.every((a) => servedBy(t).has(a.requestId)), 'the log');
    const by = servedBy(log);
    expect(new Set(answers.map((a) => by.get(a.requestId)))).toEqual(new Set([1, 2]));
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });
});
