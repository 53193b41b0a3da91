/**
 * The signed-body rule through `apig serve` (docs/serve.md "Signed bodies"), with requests signed by Huawei's
 * official Node SDK core (@huaweicloud/huaweicloud-sdk-core AKSKSigner): a declared body hash, a hashed JSON
 * body and UNSIGNED-PAYLOAD are accepted; the same requests captured and replayed with another body are
 * refused with 401 for APP and IAM AK/SK. The gateway's own backend signature covers the body it sends. The
 * trace names both hashes of a refused body, and --lenient-signatures names the unsigned-content-sha256 client.
 * The SDK scenarios run on the system clock (the SDK dates its signatures with the real time); the trace and
 * lenient ones on the virtual clock of serve-auth-kit.ts.
 */
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/core/workspace-model.js';
import {
  formatAuthorization,
  parseSdkDate,
  signRequest,
  splitRequestTarget,
  verifySignature,
} from '../../src/sign/index.js';
import { APP1, authGateway, T0 } from './serve-auth-kit.js';
import {
  bodyOf,
  call,
  raw,
  startBackend,
  startGateway,
  statusOf,
  type Backend,
  type InProcess,
} from './serve-helpers.js';

interface SdkRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
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

const APP = { ak: 'app1-key', sk: 'app1-secret-value' };
const IAM = { ak: 'AKALICE', sk: 'sk-alice-value' };
const sha = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex');

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

const sdkSign = (cred: { ak: string; sk: string }, r: SdkRequest): Record<string, string> =>
  AKSKSigner.sign(r, new BasicCredentials().withAk(cred.ak).withSk(cred.sk));

/** Sends over a raw socket (a GET with a body, exact bytes); the error body is parsed for 401s. */
async function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer,
): Promise<{ status: number; error: Record<string, unknown> }> {
  const bytes = Buffer.from(body);
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const text = await raw(
    gw.port,
    Buffer.concat([
      Buffer.from(`${method} ${path} HTTP/1.1\r\n${head}Content-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`),
      bytes,
    ]),
  );
  const status = statusOf(text);
  return { status, error: status === 401 ? bodyOf(text) : {} };
}

describe('official Node SDK signer: signed bodies', () => {
  it('APP: a declared X-Sdk-Content-Sha256 of the body is accepted; the captured request with another body is refused', async () => {
    const body = '{"amount":10,"to":"alice"}';
    const headers = sdkSign(APP, {
      endpoint: `${gw.url}/app/pay`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sdk-Content-Sha256': sha(body) },
    });
    expect(headers.Authorization).toMatch(/SignedHeaders=[^,]*x-sdk-content-sha256/);
    expect((await send('POST', '/app/pay', headers, body)).status).toBe(200);
    expect(echo.seen.at(-1)?.body).toBe(body);
    const r = await send('POST', '/app/pay', headers, '{"amount":9999,"to":"mallory"}');
    expect(r.status).toBe(401);
    expect(r.error).toMatchObject({ error_code: 'APIG.0303' });
    expect(String(r.error.error_msg)).toMatch(
      new RegExp(
        `^Incorrect app authentication information: verify signature fail, canonicalRequest:POST\\|/app/pay/\\|.*\\|${sha('{"amount":9999,"to":"mallory"}')}$`,
      ),
    );
    expect(echo.seen.some((s) => s.body.includes('mallory'))).toBe(false);
  });

  it('APP: a hashed JSON body cannot be swapped by adding an unsigned X-Sdk-Content-Sha256 with the original hash', async () => {
    const data = { amount: 10, to: 'alice' };
    const body = JSON.stringify(data);
    const headers = sdkSign(APP, {
      endpoint: `${gw.url}/app/pay`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      data,
    });
    expect((await send('POST', '/app/pay', headers, body)).status).toBe(200);
    const r = await send(
      'POST',
      '/app/pay',
      { ...headers, 'X-Sdk-Content-Sha256': sha(body) },
      '{"amount":9999,"to":"mallory"}',
    );
    expect(r.status).toBe(401);
    expect(r.error).toMatchObject({ error_code: 'APIG.0303' });
  });

  it("APP: UNSIGNED-PAYLOAD (the core SDKs' choice for non-JSON bodies) is accepted whatever the body, which the backend receives", async () => {
    const body = Buffer.from([0, 1, 2, 250, 255]);
    const headers = sdkSign(APP, {
      endpoint: `${gw.url}/app/blob`,
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
    });
    expect((await send('PUT', '/app/blob', headers, body)).status).toBe(200);
    expect(echo.seen.at(-1)?.body).toBe(body.toString('utf8'));
  });

  it('IAM AK/SK: a GET whose body was hashed is accepted, and refused with another body', async () => {
    const data = { q: 'alice' };
    const headers = sdkSign(IAM, { endpoint: `${gw.url}/iam`, method: 'GET', headers: {}, data });
    expect((await send('GET', '/iam', headers, JSON.stringify(data))).status).toBe(200);
    const r = await send('GET', '/iam', headers, JSON.stringify({ q: 'mallory' }));
    expect(r.status).toBe(401);
    expect(r.error).toMatchObject({ error_code: 'APIG.0301' });
    expect(String(r.error.error_msg)).toMatch(
      /^Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET\|\/iam\/\|/,
    );
  });
});

describe('backend signature (signature key hmac)', () => {
  it('covers the body the backend receives: a strict verifier accepts it, and refuses it with another body', async () => {
    const body = '{"order":42}';
    // The caller's own (unsigned) payload claim must not reach the backend next to the gateway's signature.
    expect(
      (
        await send(
          'POST',
          '/signed-hmac',
          {
            Host: `127.0.0.1:${gw.port}`,
            'Content-Type': 'application/json',
            'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD',
          },
          body,
        )
      ).status,
    ).toBe(200);
    const seen = echo.seen.at(-1);
    if (!seen) throw new Error('the backend saw nothing');
    expect(seen.headers['x-sdk-content-sha256']).toBeUndefined();
    const { rawPath, rawQuery } = splitRequestTarget(seen.url);
    const at = parseSdkDate(String(seen.headers['x-sdk-date'])) as Date;
    const lookup = (k: string): string | undefined => (k === 'gw-key' ? 'gw-secret-value' : undefined);
    const received = { method: seen.method, rawPath, rawQuery, headers: seen.headers, body: Buffer.from(seen.body) };
    expect(verifySignature(received, lookup, at)).toMatchObject({ ok: true, key: 'gw-key' });
    expect(verifySignature({ ...received, body: Buffer.from('{"order":43}') }, lookup, at)).toMatchObject({
      ok: false,
      reason: 'signature-mismatch',
    });
  });
});

describe('trace and --lenient-signatures', () => {
  const body = '{"amount":10}';
  const TRACE = { 'X-Apig-Emulator-Trace': '1', 'Content-Type': 'application/json' };

  /** A client that hashed from an unsigned X-Sdk-Content-Sha256 (`declared` in its payload line). */
  function naive(url: string, declared: string): Record<string, string> {
    const t = signRequest({
      method: 'POST',
      url,
      headers: { 'Content-Type': 'application/json' },
      body,
      key: APP1.key,
      secret: APP1.secret,
      now: new Date(T0),
    });
    const cr = `${t.canonicalRequest.slice(0, t.canonicalRequest.lastIndexOf('\n'))}\n${declared}`;
    const sts = `SDK-HMAC-SHA256\n${t.sdkDate}\n${sha(cr)}`;
    const signature = createHmac('sha256', APP1.secret).update(sts).digest('hex');
    return {
      ...Object.fromEntries(t.headers),
      'X-Sdk-Content-Sha256': declared,
      Authorization: formatAuthorization(APP1.key, t.signedHeaders.join(';'), signature),
    };
  }

  it('a refused body: the trace shows the declared hash and the hash of the body received', async () => {
    const strict = await authGateway();
    try {
      const url = `${strict.url}/app/pay`;
      const t = signRequest({
        method: 'POST',
        url,
        headers: { 'Content-Type': 'application/json', 'X-Sdk-Content-Sha256': sha(body) },
        body,
        key: APP1.key,
        secret: APP1.secret,
        now: new Date(T0),
      });
      const r = await call(url, {
        method: 'POST',
        headers: { ...Object.fromEntries(t.headers), ...TRACE },
        body: '{"amount":9999}',
      });
      expect(r.status).toBe(401);
      expect(String(r.headers['x-apig-emulator-trace'])).toContain(
        `X-Sdk-Content-Sha256 declares ${sha(body)}; the body received hashes to ${sha('{"amount":9999}')}`,
      );
      // An unsigned UNSIGNED-PAYLOAD is refused, and the trace names the variant that would accept it.
      const u = await call(url, { method: 'POST', headers: { ...naive(url, 'UNSIGNED-PAYLOAD'), ...TRACE }, body });
      expect(u.status).toBe(401);
      expect(String(u.headers['x-apig-emulator-trace'])).toContain(
        'the unsigned-content-sha256 client variant matches: --lenient-signatures accepts it',
      );
    } finally {
      await strict.close();
    }
  });

  it('lenient mode accepts an unsigned UNSIGNED-PAYLOAD by name, and still holds an unsigned declared hash to the body', async () => {
    const lenient = await authGateway({ lenientSignatures: true });
    try {
      const url = `${lenient.url}/app/pay`;
      const ok = await call(url, {
        method: 'POST',
        headers: { ...naive(url, 'UNSIGNED-PAYLOAD'), ...TRACE },
        body: '{"any":"body"}',
      });
      expect(ok.status).toBe(200);
      expect(String(ok.headers['x-apig-emulator-trace'])).toContain('client variant unsigned-content-sha256');
      const swapped = await call(url, { method: 'POST', headers: naive(url, sha(body)), body: '{"amount":9999}' });
      expect(swapped.status).toBe(401);
    } finally {
      await lenient.close();
    }
  });
});
