/**
 * The Throttling view reads the counters under the keys the throttling stage counts with (throttle/checks.ts):
 * a shared policy's one API counter, special apps and tenants with their own limits, source IPs, and a 2.0 rule
 * with its own window; counters of an ended window are not shown.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare, type GatewayConfig } from '../../../src/gateway/index.js';
import { MemoryStore } from '../../../src/gateway/store/memory-store.js';
import { appCheck, ipCheck, ruleCheck, scopeOf, userCheck } from '../../../src/gateway/throttle/checks.js';
import type { CompiledThrottle } from '../../../src/gateway/throttle/policy.js';
import { throttleView } from '../../../src/gateway/ui/throttle-view.js';
import { ROOT } from '../../e2e/run-cli.js';

async function authConfig(): Promise<GatewayConfig> {
  const prepared = await prepare({ path: join(ROOT, 'fixtures/serve/auth'), cwd: ROOT, env: {}, protocolCheck: false });
  if (!prepared.config) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
  return prepared.config;
}

function bound(config: GatewayConfig, name: string) {
  for (const api of config.apis) {
    const t = api.bound.get('RELEASE')?.throttle;
    if (t?.name === name) return { api, t: t as CompiledThrottle };
  }
  throw new Error(`no API binds ${name}`);
}

const T0 = Date.parse('2026-01-01T00:00:00Z');

describe('the Throttling view', () => {
  it('shows each bound policy with its current counters and limits', async () => {
    const config = await authConfig();
    const store = new MemoryStore();
    const perApp = bound(config, 'perApp');
    const app = appCheck(perApp.t, scopeOf(perApp.t, 'RELEASE', perApp.api), 'vip-id', 'vip');
    const perUser = bound(config, 'perUser');
    const user = userCheck(perUser.t, scopeOf(perUser.t, 'RELEASE', perUser.api), 'evilcorp', 'evil-id');
    const perIp = bound(config, 'perIp');
    const ip = ipCheck(perIp.t, scopeOf(perIp.t, 'RELEASE', perIp.api), 2, '10.1.2.3');
    const shared = bound(config, 'sharedPolicy');
    const sharedApi = scopeOf(shared.t, 'RELEASE', shared.api).api;
    const t2 = bound(config, 't2');
    const rule = ruleCheck(t2.t, scopeOf(t2.t, 'RELEASE', t2.api), t2.t.rules[0] as never, 0);
    for (const c of [app, app, user, ip, sharedApi, rule]) if (c) store.take([c], [], T0 + 1000);
    const view = throttleView(config, store.readCounters(T0 + 2000), T0 + 2000, true);
    const policy = (name: string) => view.policies.find((p) => p.name === name && p.env === 'RELEASE');
    expect(view).toMatchObject({ virtualClock: true, shared: false, now: '2026-01-01T00:00:02.000Z' });
    expect(policy('perApp')?.counters).toContainEqual(
      expect.objectContaining({ scope: 'app', who: 'vip', used: 2, limit: 4 }),
    );
    expect(policy('perUser')?.counters).toContainEqual(
      expect.objectContaining({ scope: 'user', who: 'evilcorp', used: 1, limit: 3 }),
    );
    expect(policy('perIp')?.counters).toContainEqual(
      expect.objectContaining({ scope: 'ip', who: '10.1.2.3', used: 1, limit: 2 }),
    );
    expect(policy('perIp')).toMatchObject({ window: '10 second', windowEnd: '2026-01-01T00:00:10.000Z' });
    const sharedCounters = policy('sharedPolicy')?.counters ?? [];
    expect(sharedCounters.filter((c) => c.scope === 'api')).toEqual([
      { scope: 'api', who: 'every bound API (shared)', used: 1, limit: 3 },
    ]);
    expect(policy('t2')?.counters).toContainEqual(expect.objectContaining({ scope: 'rule', used: 1, limit: 2 }));
    // A minute later every window above has ended: the counters are back to 0, the per-caller ones gone.
    const later = throttleView(config, store.readCounters(T0 + 61_000), T0 + 61_000, true);
    const perAppLater = later.policies.find((p) => p.name === 'perApp' && p.env === 'RELEASE');
    expect(perAppLater?.counters.every((c) => c.scope === 'api' && c.used === 0)).toBe(true);
  });

  it('says when the store cannot be read back', async () => {
    const config = await authConfig();
    expect(throttleView(config, undefined, T0, false).shared).toBe(true);
  });

  it('counts a reading only in the window that holds now (a shared store may return ended ones)', async () => {
    const config = await authConfig();
    const perApp = bound(config, 'perApp');
    const scope = scopeOf(perApp.t, 'RELEASE', perApp.api);
    const app = appCheck(perApp.t, scope, 'vip-id', 'vip');
    const w = perApp.t.window.windowMs;
    const apiUsed = (readings: Array<{ key: string; used: number; start: number }>) =>
      throttleView(config, readings, T0 + 10, false)
        .policies.find((p) => p.name === 'perApp' && p.env === 'RELEASE')
        ?.counters.filter((c) => c.scope !== 'api' || c.used > 0);
    const key = scope.api?.key ?? '';
    expect(
      apiUsed([
        { key, used: 4, start: T0 - w },
        { key: app?.key ?? '', used: 2, start: T0 - w },
      ]),
    ).toEqual([]);
    expect(apiUsed([{ key, used: 4, start: T0 }])).toEqual([expect.objectContaining({ scope: 'api', used: 4 })]);
  });
});
