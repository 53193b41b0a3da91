/**
 * Regression (issue 18, `apig serve --ui`): a policy that names one tenant as special twice, by account ID and by
 * account name, with different limits: the throttling stage counts the account under the ID's limit (the ID is
 * looked up first), but the Throttling view showed the name's. Right: the view shows the limit the stage applies.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { prepare } from '../../src/gateway/index.js';
import { MemoryStore } from '../../src/gateway/store/memory-store.js';
import { scopeOf, userCheck } from '../../src/gateway/throttle/checks.js';
import { throttleView } from '../../src/gateway/ui/throttle-view.js';
import { ROOT } from '../e2e/run-cli.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

it('shows the special tenant limit the stage counts with', async () => {
  const prepared = await prepare({ path: join(ROOT, 'fixtures/serve/auth'), cwd: ROOT, env: {}, protocolCheck: false });
  const config = prepared.config;
  if (!config) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
  const api = config.apis.find((a) => a.bound.get('RELEASE')?.throttle?.name === 'perUser');
  const t = api?.bound.get('RELEASE')?.throttle;
  if (!api || !t) throw new Error('no API binds perUser');
  // The fixture names the tenant by ID (evil-id, 3); the name too, with another limit.
  t.specialUsers.set('evilcorp', 7);
  const check = userCheck(t, scopeOf(t, 'RELEASE', api), 'evilcorp', 'evil-id');
  expect(check?.limit).toBe(3);
  const store = new MemoryStore();
  if (check) store.take([check], [], T0 + 1000);
  const view = throttleView(config, store.readCounters(T0 + 2000), T0 + 2000, false);
  const counters = view.policies.find((p) => p.name === 'perUser' && p.env === 'RELEASE')?.counters ?? [];
  expect(counters).toContainEqual(expect.objectContaining({ scope: 'user', who: 'evilcorp', used: 1, limit: 3 }));
});
