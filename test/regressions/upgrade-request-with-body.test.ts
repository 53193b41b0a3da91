/**
 * Regression (issue 12 follow-up, "Signed body" and "Chunked body limit on Mock APIs", through another route): a
 * request with `Connection: Upgrade` and `Upgrade: websocket` goes to the upgrade handler, where Node hands
 * the bytes after the head over as the tunnel's first data. A body on such a request was never read: a
 * signature was checked against the hash of an empty body (so a captured upgrade request could be replayed with
 * any body), a chunked body far over request_body_size to a Mock API got the Mock's 200, and the body reached
 * an HTTP backend through the tunnel unchecked.
 * Right: an upgrade request that declares a body (Content-Length other than 0, or Transfer-Encoding) is
 * refused, 400 APIG.0201, before anything else; a WebSocket handshake is a GET without one (RFC 6455 §4.1).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/sign/index.js';
import { APP1, authGateway, T0, type AuthGateway } from '../e2e/serve-auth-kit.js';
import { bodyOf, startGateway, type InProcess } from '../e2e/serve-helpers.js';

const UPGRADE =
  'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

/** Writes `bytes` and resolves with the response head and what follows it, once the head is complete. */
function head(port: number, bytes: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = (): void => {
      socket.destroy();
      resolve(text);
    };
    socket.on('data', (c: Buffer) => {
      text += c.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = /content-length: (\d+)/i.exec(text.slice(0, end))?.[1];
      if (length === undefined || text.length >= end + 4 + Number(length)) done();
    });
    socket.on('close', done);
    socket.on('error', (e) => (text === '' ? reject(e) : done()));
    socket.write(bytes);
  });
}

describe('a Mock API', () => {
  let gw: InProcess;
  beforeAll(async () => {
    gw = await startGateway('fixtures/serve/paths', (ws) => {
      ws.instance.request_body_size = 1;
    });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('an upgrade request with a chunked body over request_body_size is refused, not answered 200', async () => {
    const chunk = Buffer.alloc(512 * 1024, 0x61);
    const chunks = Array.from({ length: 4 }, () =>
      Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
    );
    const text = await head(
      gw.port,
      Buffer.concat([
        Buffer.from(`GET /who HTTP/1.1\r\nHost: localhost\r\n${UPGRADE}Transfer-Encoding: chunked\r\n\r\n`),
        ...chunks,
        Buffer.from('0\r\n\r\n'),
      ]),
    );
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(text)).toMatchObject({ error_code: 'APIG.0201' });
    const event = gw.events.find((e) => e.type === 'request' && e.status === 400);
    expect(event?.type === 'request' ? event.detail : '').toMatch(/upgrade request with a body/);
  });

  it('with a Content-Length body too; without a body the Mock still answers', async () => {
    const withBody = await head(
      gw.port,
      `GET /who HTTP/1.1\r\nHost: localhost\r\n${UPGRADE}Content-Length: 5\r\n\r\nhello`,
    );
    expect(withBody).toMatch(/^HTTP\/1\.1 400 /);
    const plain = await head(gw.port, `GET /who HTTP/1.1\r\nHost: localhost\r\n${UPGRADE}Content-Length: 0\r\n\r\n`);
    expect(plain).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('an APP-signed API with an HTTP backend', () => {
  let gw: AuthGateway;
  beforeAll(async () => {
    gw = await authGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('a captured signed upgrade request replayed with a body is refused; the backend sees nothing', async () => {
    const url = `${gw.url}/app`;
    const trace = signRequest({ method: 'GET', url, key: APP1.key, secret: APP1.secret, now: new Date(T0) });
    const signed = trace.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('');
    const port = Number(new URL(gw.url).port);
    const before = gw.echo.seen.length;
    const replayed = await head(port, `GET /app HTTP/1.1\r\n${signed}${UPGRADE}Content-Length: 7\r\n\r\nSWAPPED`);
    expect(replayed).toMatch(/^HTTP\/1\.1 400 /);
    expect(gw.echo.seen.length).toBe(before);
    // The same signed upgrade request without a body still switches protocols.
    const untouched = await head(port, `GET /app HTTP/1.1\r\n${signed}${UPGRADE}\r\n`);
    expect(untouched).toMatch(/^HTTP\/1\.1 101 /);
  });
});
