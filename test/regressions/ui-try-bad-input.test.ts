/**
 * Regression (issue 18, `apig serve --ui`, Try it): a method that is no HTTP method (`GE T`, `CONNECT`) or a
 * header HTTP cannot carry (a line break in its value) made the HTTP client throw, and the dashboard answered
 * 500, as if the gateway had failed. Right: it is the input's fault: 400 with what is wrong.
 */
import { expect, it } from 'vitest';
import { startUi, uiPost } from '../e2e/ui-kit.js';

it('Try it answers 400 for a bad method or header', async () => {
  const g = await startUi();
  const url = `http://127.0.0.1:${g.port}/hello`;
  try {
    for (const method of ['GE T', 'GET\r\nX: y', 'CONNECT']) {
      const r = await uiPost(g.url, '/_apig/ui/api/try', { method, url });
      expect(r.status, method).toBe(400);
      expect(JSON.parse(r.text).error).toContain('is not an HTTP method');
    }
    const header = await uiPost(g.url, '/_apig/ui/api/try', { method: 'GET', url, headers: [['x-a', 'a\r\nb: c']] });
    expect(header.status).toBe(400);
    const name = await uiPost(g.url, '/_apig/ui/api/try', { method: 'GET', url, headers: [['x a', 'b']] });
    expect(name.status).toBe(400);
  } finally {
    await g.close();
  }
});
