/**
 * Regression (issue 18, `apig serve --ui`): the dashboard keeps the first 16 KB of each body, and a cut that
 * fell inside a character (most bodies in Chinese, or with emoji: one chance in three or four) left a broken
 * character at the end, so a body of plain UTF-8 text was shown as "N bytes, not text" instead of its text.
 * Right: the broken character at the cut is left out; the text is shown with "the first 16384 of N bytes".
 */
import type { ServerResponse } from 'node:http';
import { expect, it } from 'vitest';
import { call } from '../e2e/serve-helpers.js';
import { openPage, startUi, uiGet, uiPost } from '../e2e/ui-kit.js';

// 3 bytes a character: 16384 = 3 × 5461 + 1, so the cut falls inside the 5462nd.
const BODY = '订'.repeat(8000);

it('a long UTF-8 body cut inside a character is still shown as text', async () => {
  const g = await startUi({
    backend: (_req, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(BODY);
    },
  });
  const page = await openPage(g.url);
  try {
    const r = await call(`${g.url}/echo`, { method: 'POST', body: '{}' });
    expect(r.status).toBe(200);
    const entry = JSON.parse((await uiGet(g.url, '/_apig/ui/api/requests/1')).text);
    expect(entry.response.bodyNote).toBe(`the first 16384 of ${Buffer.byteLength(BODY)} bytes`);
    expect(entry.response.body).toBe('订'.repeat(5461));
    const tried = JSON.parse(
      (await uiPost(g.url, '/_apig/ui/api/try', { method: 'POST', url: `http://127.0.0.1:${g.port}/echo`, body: '{}' }))
        .text,
    );
    expect(tried.body).toBe('订'.repeat(5461));
  } finally {
    page.close();
    await g.close();
  }
});
