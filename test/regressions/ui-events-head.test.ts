/**
 * Regression (issue 18, `apig serve --ui`): a HEAD request to the dashboard's event stream
 * (/_apig/ui/api/events) was taken for an open page: it never got its answer (a HEAD response has no body to
 * stream, so it hung until the client gave up), and while it hung the gateway traced and kept every request in
 * full as if someone were watching. Right: HEAD gets the stream's headers and ends; no page is counted.
 */
import { request } from 'undici';
import { expect, it } from 'vitest';
import { startUi } from '../e2e/ui-kit.js';

it('HEAD on the event stream answers with its headers and opens no page', async () => {
  const g = await startUi();
  try {
    const head = await request(`${g.url}/_apig/ui/api/events`, { method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toContain('text/event-stream');
    await head.body.dump();
    expect(g.launched.gateway.traceAll).toBe(false);
  } finally {
    await g.close();
  }
}, 10_000);
