/**
 * Regression (issue 18, `apig serve --ui`): the dashboard masked a fixed list of credential headers
 * (Authorization, X-Apig-AppCode, X-Auth-Token, cookies...) and query parameters named like a credential, but
 * not headers named like one: an `X-Api-Key`, `X-Access-Token` or `X-Client-Secret` a client sent, or that the
 * gateway sent the backend (a constant backend parameter), was shown in full, and so was an `api_key` or
 * `api-key` query parameter. Right: a header or query parameter named like a credential is masked wherever the
 * dashboard shows it.
 */
import { expect, it } from 'vitest';
import { call } from '../e2e/serve-helpers.js';
import { openPage, startUi, uiGet } from '../e2e/ui-kit.js';

const KEY = 'sk-live-0123456789abcdef';

it('headers and query parameters named like a credential are masked', async () => {
  const g = await startUi();
  const page = await openPage(g.url);
  try {
    const headers = { 'x-api-key': KEY, 'x-access-token': KEY, 'x-client-secret': KEY, 'x-note': 'plain' };
    expect(
      (await call(`${g.url}/echo?api_key=${KEY}&api-key=${KEY}&id=7`, { method: 'POST', headers, body: '{}' })).status,
    ).toBe(200);
    const text = (await uiGet(g.url, '/_apig/ui/api/requests/1')).text;
    const entry = JSON.parse(text);
    for (const name of ['x-api-key', 'x-access-token', 'x-client-secret']) {
      expect(entry.received.headers).toContainEqual([name, 'sk-***']);
      expect(entry.backend.headers).toContainEqual([name, 'sk-***']);
    }
    expect(entry.received.headers).toContainEqual(['x-note', 'plain']);
    expect(entry.received.target).toBe('/echo?api_key=sk-***&api-key=sk-***&id=7');
    expect(text.replace(/"body":"(\\.|[^"\\])*"/g, '')).not.toContain(KEY);
  } finally {
    page.close();
    await g.close();
  }
});
