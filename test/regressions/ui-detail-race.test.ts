/**
 * Regression (issue 18, `apig serve --ui`): opening one request in Live requests and then another before the
 * first one's detail had arrived showed whichever detail arrived last: the first request's trace under the
 * second, selected row. Right: only the selected row's detail is shown.
 */
import type { Browser } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { call } from '../e2e/serve-helpers.js';
import { launchChromium } from '../e2e/ui-browser-kit.js';
import { startUi, type UiGateway } from '../e2e/ui-kit.js';

let browser: Browser | undefined;
let g: UiGateway | undefined;
afterAll(async () => {
  await browser?.close();
  await g?.close();
});

it("a slow detail does not replace the selected row's", async () => {
  browser = await launchChromium();
  g = await startUi();
  const page = await browser.newPage();
  await page.goto(`${g.ui}#live`);
  await page.locator('body[data-ready="true"]').waitFor();
  await call(`${g.url}/hello`);
  await call(`${g.url}/echo`, { method: 'POST', body: '{}' });
  const rows = page.locator('#live-table tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  // The first request's detail is held back until the second one's is shown.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route('**/api/requests/1', async (route) => {
    await held;
    await route.continue();
  });
  const slow = page.waitForResponse('**/api/requests/1');
  await rows.filter({ hasText: '/hello' }).click();
  await rows.filter({ hasText: '/echo' }).click();
  const title = page.locator('#live-detail h2');
  await expect.poll(() => title.textContent()).toContain('POST /echo');
  release();
  await slow;
  // A string: the test's own types have no DOM (the page runs it).
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))');
  expect(await title.textContent()).toContain('POST /echo');
}, 60_000);
