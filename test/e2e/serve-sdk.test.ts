/**
 * A client no one here wrote: requests signed by Huawei's official Node SDK core
 * (@huaweicloud/huaweicloud-sdk-core, its AKSKSigner, as the SDK's own tests use it) are accepted by
 * `apig serve` for APP and IAM AK/SK authentication; tampered ones are rejected with the canonical request.
 * The gateway runs on the system clock here: the SDK dates its signatures with the real time.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/core/workspace-model.js';
import { call, startBackend, startGateway, type Backend, type InProcess } from './serve-helpers.js';

interface SdkRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  queryParams?: Record<string, string>;
  data?: unknown;
}
interface Credentials {
  withAk(ak: string): Credentials;
  withSk(sk: string): Credentials;
}
const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(r: SdkRequest, c: Credentials): Record<string, string> };
};
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials') as {
  BasicCredentials: new () => Credentials;
};

let echo: Backend;
let gw: InProcess;
beforeAll(async () => {
  echo = await startBackend('echo');
  gw = await startGateway('fixtures/serve/auth', (ws: Workspace) => {
    for (const e of ws.environments) Object.assign(e.variables, { echo: echo.address });
  });
});
afterAll(async () => {
  await gw.close();
  await echo.close();
});

const sign = (ak: string, sk: string, r: SdkRequest): Record<string, string> =>
  AKSKSigner.sign(r, new BasicCredentials().withAk(ak).withSk(sk));

describe('official Node SDK signer (AKSKSigner)', () => {
  it('APP: a POST with query parameters and a JSON body is accepted; the backend gets the body', async () => {
    const data = { order: 42, note: 'Grüße' };
    const headers = sign('app1-key', 'app1-secret-value', {
      endpoint: `${gw.url}/app/orders`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      queryParams: { b: '2', a: 'x y' },
      data,
    });
    const r = await call(`${gw.url}/app/orders?a=x%20y&b=2`, { method: 'POST', headers, body: JSON.stringify(data) });
    expect(r.status).toBe(200);
    expect(echo.seen.at(-1)?.body).toBe(JSON.stringify(data));
  });

  it('APP: a GET without a body is accepted', async () => {
    const headers = sign('app1-key', 'app1-secret-value', { endpoint: `${gw.url}/app`, method: 'GET', headers: {} });
    expect((await call(`${gw.url}/app`, { headers })).status).toBe(200);
  });

  it('IAM AK/SK is accepted', async () => {
    const headers = sign('AKALICE', 'sk-alice-value', { endpoint: `${gw.url}/iam`, method: 'GET', headers: {} });
    expect((await call(`${gw.url}/iam`, { headers })).status).toBe(200);
  });

  it('tampered requests are rejected: body, query, a signed header, the path, the secret', async () => {
    const data = { order: 42 };
    const req: SdkRequest = {
      endpoint: `${gw.url}/app/orders`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      queryParams: { a: '1' },
      data,
    };
    const headers = sign('app1-key', 'app1-secret-value', req);
    const tampered = [
      call(`${gw.url}/app/orders?a=1`, { method: 'POST', headers, body: JSON.stringify({ order: 43 }) }),
      call(`${gw.url}/app/orders?a=2`, { method: 'POST', headers, body: JSON.stringify(data) }),
      call(`${gw.url}/app/orders?a=1`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'text/plain' },
        body: JSON.stringify(data),
      }),
      call(`${gw.url}/app/other?a=1`, { method: 'POST', headers, body: JSON.stringify(data) }),
      call(`${gw.url}/app/orders?a=1`, {
        method: 'POST',
        headers: sign('app1-key', 'not-the-secret', req),
        body: JSON.stringify(data),
      }),
    ];
    for (const r of await Promise.all(tampered)) {
      expect(r.status).toBe(401);
      expect(r.json<{ error_msg: string }>().error_msg).toMatch(
        /^Incorrect app authentication information: verify signature fail, canonicalRequest:POST\|\/app\//,
      );
    }
  });
});
