/**
 * Regression (issue 12, "Header limits"): Node's HTTP server keeps only the first ~1,000 request headers
 * (`maxHeadersCount`) and silently drops the rest, so the gateway never saw them: a second Host, a
 * Content-Length over `request_body_size`, the bytes that push all headers past 128 KB, or an X-Stage went
 * unnoticed after the 1,000th header (the request got 200 from RELEASE). Now the server keeps every header,
 * and the restrictions stage counts each one as its line on the wire (`Name: value` CRLF): 400 for the second
 * Host, 413 for the Content-Length, 494 past 128 KB (API Gateway User Guide, 6.3.3), and X-Stage is obeyed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

const COUNT = 1100;
const AT = 1049;

/** 1,100 headers `X-H0000: v...`, with `special` in place of the 1,050th. */
function headers(value: string, special?: string): string {
  return Array.from({ length: COUNT }, (_, i) =>
    i === AT && special !== undefined ? special : `X-H${String(i).padStart(4, '0')}: ${value}`,
  ).join('\r\n');
}

describe('requests with more than 1,000 headers', () => {
  let gw: InProcess;
  beforeAll(async () => {
    gw = await startGateway('fixtures/hardening', (ws) => {
      ws.instance.request_body_size = 1;
    });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('a second Host as the 1,050th header: 400 APIG.0201', async () => {
    const text = await raw(
      gw.port,
      `GET /mock HTTP/1.1\r\nHost: a\r\n${headers('v', 'Host: b')}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(text)).toBe(400);
    expect(bodyOf(text)).toMatchObject({ error_code: 'APIG.0201', error_msg: 'API request error.' });
    expect(gw.events.at(-1)).toMatchObject({ status: 400, detail: expect.stringContaining('more than one Host') });
  });

  it('headers that pass 128 KB in all only after the 1,000th: 494', async () => {
    // 1,100 lines of 125 bytes: 137,500 bytes in all, under the 200 KB the server reads; 1,000 of them are 125,000.
    const text = await raw(
      gw.port,
      `GET /mock HTTP/1.1\r\nHost: a\r\n${headers('c'.repeat(114))}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(text)).toBe(494);
    expect(bodyOf(text)).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Request headers too large.' });
  });

  it('headers at 128 KB counted as the bytes sent, not just names and values', async () => {
    // 4,000 lines `X-Hnnnn: ` + 24 bytes + CRLF = 35 bytes each, 140,000 in all; names and values alone are 124,000.
    const lines = Array.from({ length: 4000 }, (_, i) => `X-H${String(i).padStart(4, '0')}: ${'d'.repeat(24)}`).join(
      '\r\n',
    );
    const text = await raw(gw.port, `GET /mock HTTP/1.1\r\nHost: a\r\n${lines}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(text)).toBe(494);
  });

  it('a Content-Length over request_body_size as the 1,050th header: 413', async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, 'x');
    const head = `POST /mock HTTP/1.1\r\nHost: a\r\n${headers('v', `Content-Length: ${body.length}`)}\r\n\r\n`;
    const text = await raw(gw.port, Buffer.concat([Buffer.from(head), body]));
    expect(statusOf(text)).toBe(413);
    expect(bodyOf(text)).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Request entity too large.' });
  });

  it('an X-Stage as the 1,050th header chooses the environment', async () => {
    const text = await raw(
      gw.port,
      `GET /mock HTTP/1.1\r\nHost: a\r\n${headers('v', 'X-Stage: NOWHERE')}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(text)).toBe(404);
    expect(gw.events.at(-1)).toMatchObject({ env: 'NOWHERE', errorCode: 'APIG.0101' });
  });

  it('1,100 small headers within the limits are served', async () => {
    const text = await raw(gw.port, `GET /mock HTTP/1.1\r\nHost: a\r\n${headers('v')}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(text)).toBe(200);
  });
});
