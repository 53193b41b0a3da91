/**
 * Regression (issue 12, authentication, "unbounded lockout state"): every failed AK/SK attempt stored a lockout
 * entry, also for AKs that do not exist, and entries below 5 failures never expired, so an unauthenticated
 * client could grow the gateway's heap without end. Now an unknown AK leaves no state, and a count of
 * failures is forgotten 5 minutes after the last one (the lock itself stays as documented: 5 in a row).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_MS } from '../../src/gateway/auth/lockout.js';
import type { MemoryStore } from '../../src/gateway/store/memory-store.js';
import { virtualClock } from '../../src/gateway/index.js';
import { signRequest } from '../../src/sign/index.js';
import { call, startGateway, type InProcess } from '../e2e/serve-helpers.js';

describe('AK/SK lockout state', () => {
  const clock = virtualClock(Date.parse('2026-01-01T00:00:00Z'));
  let gw: InProcess;
  beforeAll(async () => {
    gw = await startGateway('fixtures/serve/auth', undefined, { virtualClock: clock });
  });
  afterAll(async () => {
    await gw.close();
  });

  const attempt = async (ak: string, sk: string): Promise<{ status: number; message: string }> => {
    const url = `${gw.url}/iam`;
    const headers = Object.fromEntries(
      signRequest({ method: 'GET', url, key: ak, secret: sk, now: new Date(clock.now()) }).headers,
    );
    const r = await call(url, { headers });
    return { status: r.status, message: String(r.json().error_msg ?? '') };
  };

  it('failed attempts with AKs that do not exist leave nothing behind', async () => {
    for (let i = 0; i < 50; i++) expect((await attempt(`AKNOBODY${i}`, 'whatever')).status).toBe(401);
    // The same unknown AK many times is not locked either: there is nothing to lock.
    for (let i = 0; i < 6; i++) expect((await attempt('AKNOBODY', 'whatever')).message).toContain('ak not exist');
    expect((gw.launched.gateway.state.store as MemoryStore).lockout.size).toBe(0);
  });

  it('a declared AK: failures below the lock are forgotten after 5 minutes; 5 in a row still lock', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('AKALICE', 'wrong')).status).toBe(401);
    expect((gw.launched.gateway.state.store as MemoryStore).lockout.size).toBe(1);
    clock.advance(LOCK_MS);
    // The 5th failure comes 5 minutes after the 4th: it starts a new count, so the right SK still passes.
    expect((await attempt('AKALICE', 'wrong')).message).toContain('verify aksk signature fail');
    expect((await attempt('AKALICE', 'sk-alice-value')).status).toBe(200);
    for (let i = 0; i < 5; i++) await attempt('AKALICE', 'wrong');
    expect((await attempt('AKALICE', 'sk-alice-value')).message).toContain(
      'AK access failed to reach the limit, forbidden.',
    );
  });
});
