// Screenshots of each view of the `apig serve --ui` dashboard for docs/ui.md, taken in headless Chromium
// (playwright-core; Debian's `chromium`, or CHROMIUM_PATH) against the dashboard fixture on a free port, with a
// little traffic and the virtual clock at 2026-01-01. Needs the build: npx tsc -p tsconfig.build.json.
//
// Usage: node scripts/ui-screenshots.mjs [out-dir]   (default docs/ui)
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { request } from 'undici';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = resolve(process.argv[2] ?? join(ROOT, 'docs/ui'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const { prepare, launch, virtualClock } = await import('../dist/gateway/index.js');
const { uiAccess } = await import('../dist/gateway/ui/access.js');

// The echo backend of /echo.
const backend = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.stringify({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
});
await new Promise((r) => backend.listen(0, '127.0.0.1', r));
const backendAddress = `127.0.0.1:${backend.address().port}`;

const options = {
  path: join(ROOT, 'fixtures/ui/apig.yaml'),
  cwd: ROOT,
  env: {},
  protocolCheck: false,
  adjust: (ws) => {
    for (const e of ws.environments) e.variables.backend = backendAddress;
  },
};
const prepared = await prepare(options);
const launched = await launch(prepared.config, {
  host: '127.0.0.1',
  port: 0,
  healthTimers: false,
  onEvent: () => undefined,
  virtualClock: virtualClock(Date.parse('2026-01-01T00:00:00Z')),
  dashboard: { access: uiAccess([]), fidelity: prepared.fidelity, cwd: ROOT },
});
const url = launched.server.urls[0];
const port = new URL(url).port;
const host = `shop.localhost:${port}`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
mkdirSync(OUT, { recursive: true });
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 }, colorScheme: scheme });
    await page.goto(`${url}/_apig/ui/`);
    await page.locator('body[data-ready="true"]').waitFor();
    const shot = (name) => page.screenshot({ path: join(OUT, `${name}${scheme === 'dark' ? '-dark' : ''}.png`) });
    if (scheme === 'light') {
      // Traffic while the page is open: a Mock, a signed APP call (twice: the app's limit is 2 a minute), a call
      // without credentials (401), a POST through the HTTP backend, and a path no API has (404).
      const send = (path, init = {}) => request(`${url}${path}`, { ...init, headers: { host, ...init.headers } });
      await (await send('/hello')).body.dump();
      for (let i = 0; i < 3; i++)
        await (
          await request(`${url}/_apig/ui/api/try`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              method: 'GET',
              url: `http://${host}/orders/${41 + i}`,
              auth: 'signature',
              app: 'app1',
            }),
          })
        ).body.dump();
      await (await send('/orders/7')).body.dump();
      await (
        await send('/echo', { method: 'POST', body: '{"item": 1}', headers: { 'content-type': 'application/json' } })
      ).body.dump();
      await (await send('/nothing/here')).body.dump();
    }
    await shot('routes');
    await page.getByRole('tab', { name: 'Live requests' }).click();
    await page.locator('#live-table tbody tr').filter({ hasText: '/echo' }).first().click();
    await page.getByRole('list', { name: 'Pipeline trace' }).waitFor();
    await shot('live');
    await page.getByRole('tab', { name: 'Throttling' }).click();
    await page.locator('.policy').first().waitFor();
    await shot('throttling');
    // The next window: Try it's signed call is within the limits again.
    await page.getByRole('button', { name: 'Advance' }).click();
    await page
      .locator('#clock-now')
      .filter({ hasText: scheme === 'light' ? '00:01:00' : '00:02:00' })
      .waitFor();
    await page.getByRole('tab', { name: 'Routes' }).click();
    await page.getByRole('button', { name: 'Try GET /orders/{id} (RELEASE)' }).click();
    await page.getByLabel('URL').fill(`http://${host}/orders/1`);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('#try-status').waitFor();
    await shot('try-it');
    await page.getByRole('tab', { name: 'Config' }).click();
    await page.locator('#fidelity-table tbody tr').first().waitFor();
    await shot('config');
    await page.close();
  }
  console.log(`screenshots in ${OUT}`);
} finally {
  await browser.close();
  await launched.close(1000);
  backend.close();
}
