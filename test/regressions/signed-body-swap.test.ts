/**
 * Regression (issue 12, "Signed body"): the verifier took the payload hash from `X-Sdk-Content-Sha256` even
 * when SignedHeaders did not list it, and never compared a declared hash with the body (the gateway did not
 * even read the body when the header was present). A captured signed request could have its body replaced:
 * add `X-Sdk-Content-Sha256: <hash of the original body>` unsigned, or replay a request that signed its hash,
 * and the new body reached the backend with a 200.
 * Right: the header counts only when it is signed; otherwise the body is hashed. A signed value other than
 * `UNSIGNED-PAYLOAD` must be the body's SHA-256, else 401 with the signature-mismatch text (APIG.0303 for APP,
 * APIG.0301 for IAM AK/SK). A signed `UNSIGNED-PAYLOAD` still passes with any body: the client opted out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex, signRequest, type SignInput } from '../../src/sign/index.js';
import { APP1, authGateway, T0, type AuthGateway } from '../e2e/serve-auth-kit.js';
import { bodyOf, raw, statusOf } from '../e2e/serve-helpers.js';

const ORIGINAL = '{"amount":10,"to":"alice"}';
const SWAPPED = '{"amount":9999,"to":"mallory"}';
const AK = { key: 'AKALICE', secret: 'sk-alice-value' };

let gw: AuthGateway;
beforeAll(async () => {
  gw = await authGateway();
});
afterAll(async () => {
  await gw.close();
});

/** `body`: the gateway's own JSON error body (Content-Length framed); empty for other answers. */
interface Sent {
  status: number;
  body: Record<string, unknown>;
}

/** Signs `signedBody` as `extra` says, then sends `body` instead (as it is, or chunked) over a raw socket. */
async function replay(
  method: string,
  path: string,
  cred: { key: string; secret: string },
  extra: Partial<SignInput>,
  body: string,
  options: { addHeaders?: Record<string, string>; chunked?: boolean } = {},
): Promise<Sent> {
  const url = `${gw.url}${path}`;
  const trace = signRequest({
    method,
    url,
    key: cred.key,
    secret: cred.secret,
    now: new Date(T0),
    body: ORIGINAL,
    ...extra,
  });
  const headers: Array<[string, string]> = [...trace.headers, ...Object.entries(options.addHeaders ?? {})];
  const bytes = Buffer.from(body);
  const framing = options.chunked ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${bytes.length}\r\n`;
  const payload = options.chunked
    ? Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n0\r\n\r\n')])
    : bytes;
  const head = `${method} ${path} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}${framing}Connection: close\r\n\r\n`;
  const text = await raw(Number(new URL(gw.url).port), Buffer.concat([Buffer.from(head), payload]));
  const status = statusOf(text);
  return { status, body: status === 401 ? bodyOf(text) : {} };
}

const declared = (hash: string): Partial<SignInput> => ({
  headers: { 'Content-Type': 'application/json', 'X-Sdk-Content-Sha256': hash },
});

describe('a captured signed request with its body replaced', () => {
  it('APP: an unsigned X-Sdk-Content-Sha256 carrying the original hash no longer lets a new body through', async () => {
    const signed = { headers: { 'Content-Type': 'application/json' } };
    expect((await replay('POST', '/app', APP1, signed, ORIGINAL)).status).toBe(200);
    const r = await replay('POST', '/app', APP1, signed, SWAPPED, {
      addHeaders: { 'X-Sdk-Content-Sha256': sha256Hex(ORIGINAL) },
    });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error_code: 'APIG.0303' });
    expect(String(r.body.error_msg)).toMatch(
      new RegExp(
        `^Incorrect app authentication information: verify signature fail, canonicalRequest:POST\\|/app/\\|.*\\|${sha256Hex(SWAPPED)}$`,
      ),
    );
    expect(gw.echo.seen.some((s) => s.body === SWAPPED)).toBe(false);
  });

  it('APP: a signed hash is held to the body, sent with Content-Length or chunked', async () => {
    expect((await replay('POST', '/app', APP1, declared(sha256Hex(ORIGINAL)), ORIGINAL)).status).toBe(200);
    for (const chunked of [false, true]) {
      const r = await replay('POST', '/app', APP1, declared(sha256Hex(ORIGINAL)), SWAPPED, { chunked });
      expect(r.status, `chunked: ${chunked}`).toBe(401);
      expect(String(r.body.error_msg)).toMatch(
        /^Incorrect app authentication information: verify signature fail, canonicalRequest:POST\|\/app\/\|/,
      );
    }
    expect(gw.echo.seen.some((s) => s.body === SWAPPED)).toBe(false);
  });

  it('APP: a signed UNSIGNED-PAYLOAD passes with any body, which the backend receives', async () => {
    const r = await replay(
      'POST',
      '/app',
      APP1,
      { headers: { 'Content-Type': 'application/json' }, unsignedPayload: true },
      SWAPPED,
      { chunked: true },
    );
    expect(r.status).toBe(200);
    expect(gw.echo.seen.at(-1)?.body).toBe(SWAPPED);
  });

  it('IAM AK/SK (a GET with a body): both replays are refused with APIG.0301', async () => {
    expect((await replay('GET', '/iam', AK, declared(sha256Hex(ORIGINAL)), ORIGINAL)).status).toBe(200);
    const attacks = [
      await replay('GET', '/iam', AK, declared(sha256Hex(ORIGINAL)), SWAPPED),
      await replay('GET', '/iam', AK, {}, SWAPPED, { addHeaders: { 'X-Sdk-Content-Sha256': sha256Hex(ORIGINAL) } }),
    ];
    for (const r of attacks) {
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error_code: 'APIG.0301' });
      expect(String(r.body.error_msg)).toMatch(
        /^Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET\|\/iam\/\|/,
      );
    }
    expect((await replay('GET', '/iam', AK, {}, ORIGINAL)).status).toBe(200);
  });
});
