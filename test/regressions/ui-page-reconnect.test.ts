/**
 * Regression (issue 18, `apig serve --ui`): the page kept the requests it had listed when its event stream
 * broke and came back, and added the new ones on top. When the gateway had been restarted on the same port (the
 * usual edit, stop, start), the new gateway's requests are numbered from 1 again, so the list mixed two gateways'
 * requests and opening an old row showed a new request's detail under it; requests that ended while the stream
 * was down were never listed. Right: when the stream comes back, the page loads the list (and the routes and
 * configuration) afresh.
 */
import { afterAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { call } from '../e2e/serve-helpers.js';
import { launchChromium } from '../e2e/ui-browser-kit.js';
import { startUi, type UiGateway } from '../e2e/ui-kit.js';

let browser: Browser | undefined;
const gateways: UiGateway[] = [];
afterAll(async () => {
  await browser?.close();
  for (const g of gateways) await g.close().catch(() => undefined);
});

it('after a restart the page lists the new gateway requests only', async () => {
  browser = await launchChromium();
  const first = await startUi();
  gateways.push(first);
  const page = await browser.newPage();
  await page.goto(`${first.ui}#live`);
  await page.locator('body[data-ready="true"]').waitFor();
  const rows = page.locator('#live-table tbody tr');
  await call(`${first.url}/hello`);
  await call(`${first.url}/hello?again=1`);
  await expect.poll(() => rows.count()).toBe(2);
  await first.close();
  gateways.pop();
  const second = await startUi({ extra: { port: first.port } });
  gateways.push(second);
  await expect.poll(() => page.locator('#status').textContent(), { timeout: 15_000 }).toBe('live');
  await call(`${second.url}/echo`, { method: 'POST', body: '{}' });
  await expect.poll(() => rows.filter({ hasText: '/echo' }).count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => rows.count()).toBe(1);
  await rows.first().click();
  await expect.poll(() => page.locator('#live-detail h2').textContent()).toContain('POST /echo');
}, 60_000);
