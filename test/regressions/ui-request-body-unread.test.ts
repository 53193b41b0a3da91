/**
 * Regression (issue 18, `apig serve --ui`): a request body the gateway passed on to the backend as it came
 * (nothing needed to read it: no body signature, no authorizer that needs it) is not kept, and the request's
 * detail then said "no body" under a Content-Length of 5, in the request as received and as sent to the backend.
 * Right: it says that the body was not kept, and why.
 */
import { expect, it } from 'vitest';
import { call } from '../e2e/serve-helpers.js';
import { openPage, startUi, uiGet } from '../e2e/ui-kit.js';

it('a body passed on unread is said to be not kept, not absent', async () => {
  const g = await startUi();
  const page = await openPage(g.url);
  try {
    expect((await call(`${g.url}/echo`, { method: 'POST', body: 'hello' })).status).toBe(200);
    expect((await call(`${g.url}/hello`)).status).toBe(200);
    const posted = JSON.parse((await uiGet(g.url, '/_apig/ui/api/requests/1')).text);
    for (const part of [posted.received, posted.backend]) {
      expect(part.body).toBeUndefined();
      expect(part.bodyNote).toContain('not kept');
    }
    // A request without a body has none to keep.
    const got = JSON.parse((await uiGet(g.url, '/_apig/ui/api/requests/2')).text);
    expect(got.received.bodyNote).toBeUndefined();
  } finally {
    page.close();
    await g.close();
  }
});
