/**
 * Regression (issue 18, `apig serve --ui --clock`): the dashboard's Advance (and POST /_apig/clock, which it
 * shares) took any finite number, so `{"set": 1e20}` or `{"advance": "99999999999999999d"}` moved the virtual
 * clock past the last date JavaScript can tell, and answering with the new time threw out of the request's `end`
 * handler: the gateway process died. A body of `null` died the same way, and a body of any size was buffered.
 * Right: a move that would leave the dates a clock can tell, a body that is not a JSON object, and a body over
 * 64 KB are refused (400, 413); the clock stays where it was and the gateway keeps serving.
 */
import { expect, it } from 'vitest';
import { call } from '../e2e/serve-helpers.js';
import { startUi, uiGet, uiPost } from '../e2e/ui-kit.js';

it('refuses clock moves that would break the clock, and keeps serving', async () => {
  const g = await startUi({ clock: Date.parse('2026-01-01T00:00:00Z') });
  try {
    for (const body of [{ set: 1e20 }, { advance: '99999999999999999d' }, { set: -9e15 }, null, [1]]) {
      const r = await uiPost(g.url, '/_apig/ui/api/clock', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(JSON.parse(r.text).error).toBeTypeOf('string');
    }
    const big = await uiPost(g.url, '/_apig/clock', { advance: '1s', pad: 'x'.repeat(100_000) });
    expect(big.status).toBe(413);
    const now = JSON.parse((await uiGet(g.url, '/_apig/ui/api/clock')).text);
    expect(now.now).toBe('2026-01-01T00:00:00.000Z');
    expect((await call(`${g.url}/hello`)).status).toBe(200);
    // A good move still moves it.
    expect(JSON.parse((await uiPost(g.url, '/_apig/ui/api/clock', { advance: '90s' })).text).now).toBe(
      '2026-01-01T00:01:30.000Z',
    );
  } finally {
    await g.close();
  }
});
