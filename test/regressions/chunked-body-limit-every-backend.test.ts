/**
 * Regression (issue 12, "Chunked body limit on Mock APIs"): a chunked body over `request_body_size` to a Mock
 * API got 200 (the adapter discarded the body without counting it), and to an API whose authorizer has
 * need_body it got 500 (the authorizer's error, not the limit's). And a refused large body did not reach a
 * client in another process as a 413: the server closed with the body still arriving, the kernel's reset beat
 * the answer, and the client saw EPIPE or ECONNRESET and no status (for a Content-Length body to a Mock about
 * half the time; for a chunked body read whole, every time, because the reader gave up by destroying the
 * request and with it the socket). Now every backend type and every whole-body reader answers 413 APIG.0201
 * (API Gateway User Guide, 6.3.3), and after a refusal the gateway reads and discards what the caller still
 * sends before it closes, as nginx's lingering close does, so that the answer arrives.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientProcess } from '../e2e/raw-client.js';
import { bodyOf, raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

const SPEC = `swagger: "2.0"
info: { title: limits, version: "1" }
paths:
  /mock:
    post:
      operationId: mockPost
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"posted": true}' } }
  /fn:
    post:
      operationId: fnPost
      responses: { "200": { description: ok } }
      x-apigateway-backend:
        type: FUNCTION
        functionEndpoints: { function-urn: "urn:fss:cn-north-4:0123456789abcdef:function:default:echo", version: latest, invocation-type: sync, timeout: 5000 }
  /authorized:
    post:
      operationId: authorizedPost
      security: [{ body-authorizer: [] }]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"authorized": true}' } }
securityDefinitions:
  body-authorizer:
    type: apiKey
    name: unused
    in: header
    x-apigateway-authorizer:
      type: FRONTEND
      authorizer_type: FUNC
      authorizer_uri: "urn:fss:cn-north-4:0123456789abcdef:function:default:body-authorizer"
      need_body: true
      ttl: 0
      identities: [{ name: token, location: HEADER }]
`;

const WORKSPACE = `groups:
  - name: limits
    spec: limits.yaml
environments:
  RELEASE: {}
instance:
  request_body_size: 1
functions:
  "urn:fss:cn-north-4:0123456789abcdef:function:default:echo": ./echo.mjs
authorizers:
  body-authorizer: { module: ./authorizer.mjs }
`;

const MB = 1024 * 1024;

/** A chunked request of `size` bytes in 256 KB chunks. */
function chunked(path: string, size: number, extra = ''): Buffer {
  const chunk = Buffer.alloc(256 * 1024, 'y');
  const parts: Buffer[] = [
    Buffer.from(`POST ${path} HTTP/1.1\r\nHost: a\r\n${extra}Transfer-Encoding: chunked\r\n\r\n`),
  ];
  for (let sent = 0; sent < size; sent += chunk.length)
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

function expect413(text: string): void {
  expect(statusOf(text)).toBe(413);
  expect(bodyOf(text)).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Request entity too large.' });
}

describe('a body over request_body_size', () => {
  let gw: InProcess;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-regression-'));
    writeFileSync(join(dir, 'apig.yaml'), WORKSPACE);
    writeFileSync(join(dir, 'limits.yaml'), SPEC);
    writeFileSync(
      join(dir, 'echo.mjs'),
      'export const handler = (event) => ({ statusCode: 200, body: String(event.body.length) });\n',
    );
    writeFileSync(
      join(dir, 'authorizer.mjs'),
      'export const handler = () => ({ statusCode: 200, body: JSON.stringify({ status: "allow" }) });\n',
    );
    gw = await startGateway(dir);
  });
  afterAll(async () => {
    await gw.close();
  });

  it.each([
    ['a Mock API', '/mock', ''],
    ['a FUNCTION backend', '/fn', ''],
    ['an authorizer with need_body', '/authorized', 'token: t\r\n'],
  ])('chunked, to %s: 413', async (_name, path, extra) => {
    expect413(await raw(gw.port, chunked(path, 2 * MB, extra)));
    expect(gw.events).toContainEqual(
      expect.objectContaining({ type: 'request', path, status: 413, errorCode: 'APIG.0201' }),
    );
  });

  it.each([
    ['a Mock API', '/mock', ''],
    ['a FUNCTION backend', '/fn', ''],
    ['an authorizer with need_body', '/authorized', 'token: t\r\n'],
  ])('chunked within the limit, to %s: served', async (_name, path, extra) => {
    expect(statusOf(await raw(gw.port, chunked(path, MB / 2, `${extra}Connection: close\r\n`)))).toBe(200);
  });

  it.each([
    ['a Mock API', 'length', '/mock', ''],
    ['a Mock API', 'chunked', '/mock', ''],
    ['a FUNCTION backend', 'chunked', '/fn', ''],
    ['an authorizer with need_body', 'chunked', '/authorized', 'token: t\\r\\n'],
  ] as const)(
    '20 MB written at once to %s (by %s), from another process: the 413 reaches the client every time',
    async (_name, framing, path, extra) => {
      const got = await clientProcess(gw.port, 5, path, framing, extra, 20 * MB);
      expect(got).toEqual(Array.from({ length: 5 }, () => 'HTTP/1.1 413'));
    },
  );

  it('a client that stops mid-body after the 413 gets that answer alone (no parse error after it)', async () => {
    const text = await new Promise<string>((resolve) => {
      const s = connect(gw.port, '127.0.0.1');
      const chunks: Buffer[] = [];
      s.on('data', (c: Buffer) => chunks.push(c));
      s.on('error', () => undefined);
      s.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
      s.end(
        Buffer.concat([
          Buffer.from('POST /mock HTTP/1.1\r\nHost: a\r\nContent-Length: 20000000\r\n\r\n'),
          Buffer.alloc(MB, 'x'),
        ]),
      );
    });
    expect413(text);
    expect([...text.matchAll(/HTTP\/1\.1 \d{3}/g)]).toHaveLength(1);
  });
});
