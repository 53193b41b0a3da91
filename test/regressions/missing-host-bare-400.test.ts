/**
 * Regression (test/property/gateway.property.test.ts, seed 20261122): an HTTP/1.1 request without Host got
 * Node's bare `400 Bad Request` (its `requireHostHeader`), with no X-Request-Id, no `Server: api-gateway`, no
 * APIG body and no request event. It is still refused (RFC 9112 §3.2; nginx refuses it too), now by the
 * restrictions stage: 400 APIG.0201 like every malformed request (ruling 1). HTTP/1.0 needs no Host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restrictions } from '../../src/gateway/request/stages/restrictions.js';
import { bodyOf, raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';
import { configFrom, context, mock } from '../unit/gateway/build.js';

describe('an HTTP/1.1 request without Host', () => {
  let gw: InProcess;
  beforeAll(async () => {
    gw = await startGateway('fixtures/serve/routing.yaml');
  });
  afterAll(async () => {
    await gw.close();
  });

  it("is refused with the gateway's 400 APIG.0201", async () => {
    const text = await raw(gw.port, 'GET /users/me HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(statusOf(text)).toBe(400);
    const body = bodyOf(text);
    expect(body).toMatchObject({ error_code: 'APIG.0201', error_msg: 'API request error.' });
    expect(text).toMatch(new RegExp(`x-request-id: ${String(body.request_id)}`, 'i'));
    expect(text).toMatch(/server: api-gateway/i);
    expect(gw.events).toContainEqual(
      expect.objectContaining({ type: 'request', requestId: body.request_id, status: 400, errorCode: 'APIG.0201' }),
    );
  });

  it('is served over HTTP/1.0, and with an empty Host', async () => {
    expect(statusOf(await raw(gw.port, 'GET /users/me HTTP/1.0\r\n\r\n'))).toBe(200);
    expect(statusOf(await raw(gw.port, 'GET /users/me HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n'))).toBe(200);
  });

  it('is refused by the restrictions stage', async () => {
    const config = await configFrom(
      `swagger: "2.0"\ninfo: { title: g, version: "1" }\npaths:\n  /a:\n    get:\n      operationId: a\n${mock()}\n`,
    );
    const out = restrictions(context(config, { headers: {} }));
    expect(out.kind === 'fail' ? out.failure.id : out.kind).toBe('REQUEST_INVALID');
    expect(restrictions(context(config, { headers: {}, httpVersion: '1.0' })).kind).toBe('next');
  });
});
