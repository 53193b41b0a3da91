/**
 * Regression (found while attacking `apig serve --ui`): `POST /_apig/clock` (the `--clock` test aid) took a move
 * from any web page: a form on another site posts without a CORS preflight, so visiting a page could move the
 * virtual clock of a gateway running someone's tests (throttle windows reset, signatures expired). A POST whose
 * Origin is another site is now refused (403); curl and test code (no Origin) and the dashboard (its own origin)
 * move it as before.
 */
import { expect, it } from 'vitest';
import { raw, statusOf } from '../e2e/serve-helpers.js';
import { startUi, uiGet } from '../e2e/ui-kit.js';

const post = (port: number, origin: string | undefined): Promise<string> => {
  const body = '{"advance": "60s"}';
  return raw(
    port,
    `POST /_apig/clock HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${origin ? `Origin: ${origin}\r\n` : ''}` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
};

it('refuses a clock move posted from another site, takes one from curl or the same origin', async () => {
  const g = await startUi({ clock: Date.parse('2026-01-01T00:00:00Z') });
  try {
    const port = Number(new URL(g.url).port);
    expect(statusOf(await post(port, 'http://evil.example.com'))).toBe(403);
    expect(JSON.parse((await uiGet(g.url, '/_apig/clock')).text).now).toBe('2026-01-01T00:00:00.000Z');
    expect(statusOf(await post(port, undefined))).toBe(200);
    expect(statusOf(await post(port, `http://127.0.0.1:${port}`))).toBe(200);
    expect(JSON.parse((await uiGet(g.url, '/_apig/clock')).text).now).toBe('2026-01-01T00:02:00.000Z');
  } finally {
    await g.close();
  }
});
