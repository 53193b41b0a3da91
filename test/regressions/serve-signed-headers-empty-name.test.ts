/**
 * Regression: a request whose `Authorization` listed an empty name in SignedHeaders (`host;;x-sdk-date`, or a
 * trailing `;`) was accepted when the signature was computed over the list without it: the parser dropped empty
 * names, so the gateway rebuilt the canonical request with a SignedHeaders line the client never wrote. Huawei's
 * verifiers use the client's list as written (signing.md §4 step 3) and refuse a listed header that is absent, and
 * compare the whole rebuilt `Authorization`, so such a request is refused. Right: 401 APIG.0303, the empty name
 * is a signed header that was not sent; the untouched request still passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP1, T0, authGateway, signedHeaders, type AuthGateway } from '../e2e/serve-auth-kit.js';
import { call } from '../e2e/serve-helpers.js';

let gw: AuthGateway;
beforeAll(async () => {
  gw = await authGateway();
});
afterAll(async () => {
  await gw.close();
});

describe('an empty name in SignedHeaders', () => {
  it.each([
    ['between two names', (a: string) => a.replace('SignedHeaders=host;', 'SignedHeaders=host;;')],
    ['at the end', (a: string) => a.replace(';x-sdk-date,', ';x-sdk-date;,')],
    ['at the start', (a: string) => a.replace('SignedHeaders=', 'SignedHeaders=;')],
  ])('%s is refused', async (_where, tamper) => {
    const url = `${gw.url}/app/signed-headers-empty-name`;
    const headers = signedHeaders(url, APP1, T0);
    expect((await call(url, { headers })).status).toBe(200);
    const authorization = tamper(headers.Authorization as string);
    expect(authorization).not.toBe(headers.Authorization);
    const r = await call(url, { headers: { ...headers, Authorization: authorization } });
    expect(r.status).toBe(401);
    expect(r.json<{ error_code: string }>().error_code).toBe('APIG.0303');
  });
});
