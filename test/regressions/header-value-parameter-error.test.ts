/**
 * Regression (apig issue 12, "Client text mapped into backend headers"): a query value with CR, LF, NUL or a
 * character beyond Latin-1, mapped into a backend header, made the HTTP client refuse the call and the gateway
 * answered 502 "Backend unavailable.", blaming the backend. The documents percent-encode only PATH and QUERY
 * values (API Gateway User Guide, 5.2.1), so such a value is the caller's: it now answers the request-parameter
 * error, 400 APIG.0201, and the log names the backend header and the parameter it came from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathsGateway, type PathsGateway } from '../e2e/serve-paths-kit.js';

let t: PathsGateway;
beforeAll(async () => {
  t = await pathsGateway();
});
afterAll(async () => {
  await t.close();
});

describe('a value mapped into a backend header', () => {
  it.each([
    ['CR LF', 'a%0D%0AX-Injected:%201'],
    ['LF', 'a%0Ab'],
    ['NUL', 'a%00b'],
    ['another control character', 'a%01b'],
    ['DEL', 'a%7Fb'],
    ['a character beyond Latin-1', '%E4%B8%AD'],
  ])('with %s answers 400 APIG.0201 naming the parameter', async (_what, value) => {
    const r = await t.send(`/mapped?to=a&deep=b&v=${value}`);
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ error_code: 'APIG.0201', error_msg: 'API request error.' });
    expect(r.backendUrl).toBeUndefined();
    expect(r.detail).toMatch(/HEADER X-Value \(from v\)/);
  });

  it('with Latin-1 text and tabs is sent', async () => {
    const r = await t.send('/mapped?to=a&deep=b&v=caf%C3%A9%09ok');
    expect(r.status).toBe(200);
    expect(t.echo.seen.at(-1)?.headers['x-value']).toBe('caf\u00e9\tok');
  });
});
