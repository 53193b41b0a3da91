/**
 * Regression (issue 18, `apig serve --ui`): the trace of a request the dashboard kept only as its log line (one
 * that ended while no page was open, under `--trace`) was masked twice: once in the request's log event, then
 * again when the page asked for it, so a credential in a query string showed as `***` where the log and
 * `--trace` show its first 3 characters (`sk-***`). Right: the dashboard shows the trace as the log event holds
 * it, masked once, whether the request was kept in full or as its log line.
 */
import { expect, it } from 'vitest';
import { call } from '../e2e/serve-helpers.js';
import { startUi, uiGet } from '../e2e/ui-kit.js';

const KEY = 'sk-live-0123456789abcdef';

it("a log line's trace is shown masked as the log shows it", async () => {
  const g = await startUi({ extra: { trace: true } });
  try {
    expect((await call(`${g.url}/echo?api_key=${KEY}&id=7`, { method: 'POST', body: '{}' })).status).toBe(200);
    const entry = JSON.parse((await uiGet(g.url, '/_apig/ui/api/requests/1')).text);
    const logged = g.events.find((e) => e.type === 'request');
    expect(logged?.type === 'request' ? logged.trace : undefined).toBeDefined();
    const shown = JSON.stringify(entry.trace);
    expect(shown).toContain('api_key=sk-***');
    expect(entry.trace).toEqual(logged?.type === 'request' ? logged.trace : undefined);
  } finally {
    await g.close();
  }
});
