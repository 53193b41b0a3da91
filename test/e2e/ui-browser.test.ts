/**
 * `apig serve --ui` in a real browser (headless Chromium, playwright-core) against a gateway on port 0: the
 * route table with each row's file:line, Try it with APP signing (the gateway signs; the page never holds the
 * secret), a request seen live with its pipeline trace, and a throttle window seen reset when the virtual clock
 * is advanced from the page.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';
import { call } from './serve-helpers.js';
import { launchChromium } from './ui-browser-kit.js';
import { leakedSecrets, startUi, type UiGateway } from './ui-kit.js';

interface Session {
  g: UiGateway;
  browser: Browser;
  page: Page;
}

let started: Promise<Session> | undefined;

/**
 * The gateway and the page, started by the first test that needs them: without Chromium every test fails with how
 * to install it (a failing beforeAll would leave the tests counted as skipped).
 */
function session(): Promise<Session> {
  started ??= (async () => {
    const browser = await launchChromium();
    const g = await startUi({ clock: Date.parse('2026-01-01T00:00:00Z') });
    const page = await browser.newPage();
    await page.goto(g.ui);
    await page.locator('body[data-ready="true"]').waitFor();
    return { g, browser, page };
  })();
  return started;
}

afterAll(async () => {
  const s = await started?.catch(() => undefined);
  await s?.browser.close();
  await s?.g.close();
});

describe('apig serve --ui in Chromium', () => {
  it('shows the route table with where each route is defined, and filters it', async () => {
    const { page } = await session();
    const rows = page.locator('#routes-table tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    const order = rows.filter({ hasText: '/orders/{id}' }).first();
    await expect.poll(() => order.textContent()).toContain('fixtures/ui/shop.yaml:15');
    expect(await order.textContent()).toContain('throttle perMinute');
    // file:line is a link that opens the definition in the editor.
    const link = order.getByRole('link', { name: 'fixtures/ui/shop.yaml:15' });
    expect(await link.getAttribute('href')).toBe(`vscode://file${join(ROOT, 'fixtures/ui/shop.yaml')}:15`);
    await page.getByLabel('Filter routes').fill('echo TEST');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Filter routes').fill('');
  });

  it('sends a request with Try it, signed by the gateway with an app of the workspace', async () => {
    const { page } = await session();
    await page.getByRole('button', { name: 'Try GET /orders/{id} (RELEASE)' }).click();
    expect(await page.getByLabel('App', { exact: true }).inputValue()).toBe('app1');
    expect(await page.getByLabel('APP signature (signed by the gateway)').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('#try-status').textContent()).toBe('200');
    expect(await page.locator('#try-result').textContent()).toContain('SDK-HMAC-SHA256 Access=app1-key-0123456789');
    // Twice: the app's counter of the throttle is then full (2 of 2).
    await page.locator('#try-result').evaluate((e) => e.replaceChildren());
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('#try-status').textContent()).toBe('200');
  });

  it('shows a request as it happens, and its pipeline trace stage by stage', async () => {
    const { page, g } = await session();
    await page.getByRole('tab', { name: 'Live requests' }).click();
    const before = await page.locator('#live-table tbody tr').count();
    const reply = await call(`${g.url}/hello?from=test`);
    expect(reply.status).toBe(200);
    const row = page.locator('#live-table tbody tr').filter({ hasText: '/hello' }).first();
    await row.waitFor();
    expect(await page.locator('#live-table tbody tr').count()).toBe(before + 1);
    // Keyboard: the row takes focus and Enter opens it.
    await row.focus();
    await page.keyboard.press('Enter');
    const trace = page.getByRole('list', { name: 'Pipeline trace' });
    await trace.waitFor();
    const stages = await trace.locator('.stage').allTextContents();
    expect(stages.slice(0, 4)).toEqual(['restrictions', 'group', 'environment', 'route']);
    expect(await page.locator('#live-detail').textContent()).toContain('/hello?from=test');
    expect(await page.locator('#live-detail').textContent()).toContain('hello from apig');
    await page.getByLabel('Status').selectOption('4');
    await expect.poll(() => page.locator('#live-table tbody tr').count()).toBe(0);
    await page.getByLabel('Status').selectOption('');
  });

  it('shows the throttle counters and a window reset when the virtual clock is advanced', async () => {
    const { page } = await session();
    await page.getByRole('tab', { name: 'Throttling' }).click();
    const policy = page.getByRole('region', { name: 'policy perMinute in RELEASE' });
    await expect.poll(() => policy.locator('tr[data-scope="app"] .used').textContent()).toBe('2');
    expect(await policy.locator('tr[data-scope="api"] .used').textContent()).toBe('2');
    expect(await page.locator('#clock-now').textContent()).toContain('2026-01-01T00:00:00.000Z');
    await page.getByLabel('Advance the virtual clock by').fill('60s');
    await page.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => page.locator('#clock-now').textContent()).toContain('2026-01-01T00:01:00.000Z');
    await expect.poll(() => policy.locator('tr[data-scope="api"] .used').textContent()).toBe('0');
    expect(await policy.locator('tr[data-scope="app"]').count()).toBe(0);
  });

  it('moves between views with the keyboard, and follows the light or dark setting', async () => {
    const { page, browser, g } = await session();
    await page.getByRole('tab', { name: 'Routes' }).click();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Live requests' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate('document.activeElement?.id')).toBe('tab-live');
    expect(await page.locator('#view-live').isVisible()).toBe(true);
    await page.keyboard.press('End');
    expect(await page.evaluate('document.activeElement?.id')).toBe('tab-config');
    const background = async (scheme: 'light' | 'dark'): Promise<string> => {
      const p = await browser.newPage({ colorScheme: scheme });
      await p.goto(g.ui);
      const color = String(await p.evaluate('getComputedStyle(document.body).backgroundColor'));
      await p.close();
      return color;
    };
    expect(await background('light')).toBe('rgb(255, 255, 255)');
    expect(await background('dark')).not.toBe('rgb(255, 255, 255)');
  });

  it('shows the fidelity table, and no secret of the workspace is anywhere on the page', async () => {
    const { page } = await session();
    await page.getByRole('tab', { name: 'Config' }).click();
    await expect.poll(() => page.locator('#fidelity-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#config-facts').textContent()).toContain('fixtures/ui/apig.yaml');
    expect(leakedSecrets(await page.content())).toEqual([]);
  });
});
