/**
 * Regression (issue 18, `apig serve --ui`, Try it): Try it sent any path through the gateway, the dashboard's own
 * included: Try it on /_apig/ui/api/events opened an event stream that never ends, so the page's request hung for
 * good, and while it hung the dashboard counted it as an open page (tracing every request). Right: Try it is for
 * the APIs; a target under /_apig/ui is refused (400) with the reason, and nothing is sent.
 */
import { expect, it } from 'vitest';
import { startUi, uiPost } from '../e2e/ui-kit.js';

it("Try it refuses the dashboard's own paths", async () => {
  const g = await startUi();
  try {
    for (const path of ['/_apig/ui/api/events', '/a/../_apig/ui/api/try', '/_apig/ui?x=1']) {
      const r = await uiPost(g.url, '/_apig/ui/api/try', { method: 'GET', url: `http://127.0.0.1:${g.port}${path}` });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.text).error).toContain('not to the dashboard');
    }
    expect(g.launched.gateway.traceAll).toBe(false);
    // The APIs are still tried.
    const ok = await uiPost(g.url, '/_apig/ui/api/try', { method: 'GET', url: `http://127.0.0.1:${g.port}/hello` });
    expect(JSON.parse(ok.text).status).toBe(200);
  } finally {
    await g.close();
  }
}, 10_000);
