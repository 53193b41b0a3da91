/**
 * Regression (issue 12 follow-up, "Absolute-form targets" and "Signed body"): since the authority of an
 * absolute-form target picks the group (RFC 9112 §3.2.2), a request signed for `a.example.com` could be sent as
 * `GET http://b.example.com/pay` with its signed `Host: a.example.com` left as it was: the signature still
 * verified (it covers the Host header), and group b's API answered a request its caller never signed for.
 * Right: the verifier reads the target's authority as `host`, the host that picked the group, so the replay
 * fails like any signature mismatch (401 APIG.0303); a client that sends the same authority and Host, as RFC
 * 9112 requires, verifies as before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/sign/index.js';
import { bodyOf, raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

const APP = { key: 'pay-app-key', secret: 'pay-app-secret-value' };

function group(name: string): string {
  return `swagger: "2.0"
info: { title: ${name}, version: "1" }
paths:
  /pay:
    post:
      operationId: pay_${name}
      security: [{ app: [] }]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"group":"${name}"}' } }
securityDefinitions:
  app: { type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1 }
`;
}

let gw: InProcess;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'apig-absolute-signed-'));
  writeFileSync(join(dir, 'a.yaml'), group('group_a'));
  writeFileSync(join(dir, 'b.yaml'), group('group_b'));
  writeFileSync(
    join(dir, 'apig.yaml'),
    `groups:
  - { name: group_a, spec: a.yaml, domains: [a.example.com] }
  - { name: group_b, spec: b.yaml, domains: [b.example.com] }
apps:
  - { name: payer, key: ${APP.key}, secret: ${APP.secret}, authorize: { RELEASE: ["*"] } }
`,
  );
  gw = await startGateway(dir);
});
afterAll(async () => {
  await gw.close();
});

async function send(target: string, signedFor: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = '{"amount":10}';
  const trace = signRequest({
    method: 'POST',
    url: `http://${signedFor}/pay`,
    key: APP.key,
    secret: APP.secret,
    now: new Date(),
    body,
    headers: { 'Content-Type': 'application/json' },
  });
  const headers = trace.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('');
  const text = await raw(
    gw.port,
    `POST ${target} HTTP/1.1\r\n${headers}Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
  return { status: statusOf(text), body: bodyOf(text) };
}

describe('a signed request sent to another group through an absolute-form target', () => {
  it('is refused: the signature covered a.example.com, the target names b.example.com', async () => {
    const r = await send('http://b.example.com/pay', 'a.example.com');
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error_code: 'APIG.0303' });
  });

  it('the same request where it was signed for still passes, in origin and absolute form', async () => {
    expect(await send('/pay', 'a.example.com')).toEqual({ status: 200, body: { group: 'group_a' } });
    expect(await send('http://a.example.com/pay', 'a.example.com')).toEqual({
      status: 200,
      body: { group: 'group_a' },
    });
    expect(await send('http://b.example.com/pay', 'b.example.com')).toEqual({
      status: 200,
      body: { group: 'group_b' },
    });
  });
});
