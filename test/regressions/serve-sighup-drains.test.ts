/**
 * Regression (issue 15, how `apig serve` stops): SIGHUP (the terminal hanging up, or a process manager) had no
 * handler, so it ended the process at once, with the requests in flight cut and no exit status (killed by the
 * signal), where SIGINT and SIGTERM finish what is in flight and exit 0.
 * Right: SIGHUP stops the gateway as SIGTERM does.
 */
import { describe, expect, it } from 'vitest';
import { spawnServe } from '../e2e/serve-helpers.js';

describe('apig serve gets SIGHUP', () => {
  it('finishes what is in flight, says so, and exits 0', async () => {
    const s = await spawnServe(['fixtures/demo', '--port', '0']);
    s.child.kill('SIGHUP');
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toContain('SIGHUP: finishing requests in flight, then stopping');
  });
});
