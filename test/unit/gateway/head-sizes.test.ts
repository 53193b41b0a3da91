/**
 * The request-head scanner (src/gateway/transport/head-sizes.ts): it measures header lines as sent, follows the
 * framing of bodies so that a body is never read as a head, and stops rather than guess.
 */
import { describe, expect, it } from 'vitest';
import { HeadScanner } from '../../../src/gateway/transport/head-sizes.js';

function scan(bytes: string, split = 0): HeadScanner {
  const s = new HeadScanner();
  const buf = Buffer.from(bytes, 'latin1');
  if (split === 0) s.feed(buf);
  else for (let i = 0; i < buf.length; i += split) s.feed(buf.subarray(i, i + split));
  return s;
}

describe('HeadScanner', () => {
  it('measures each header line as sent, the whitespace before a value included', () => {
    const s = scan(`GET /a HTTP/1.1\r\nHost: h\r\nX-Pad:${' '.repeat(1000)}v\r\n\r\n`);
    expect(s.take('GET', '/a')).toEqual({ total: 9 + 1009, longest: 1009, longestName: 'X-Pad' });
  });

  it.each([1, 3, 7])('gives the same measure when the bytes arrive %i at a time', (n) => {
    const s = scan(`\r\nGET /a?x HTTP/1.1\r\nHost: h\r\nX-Pad:\t\t v\r\n\r\n`, n);
    expect(s.take('GET', '/a?x')).toEqual({ total: 9 + 12, longest: 12, longestName: 'X-Pad' });
  });

  it('skips a Content-Length body, whatever it holds, and measures the next head', () => {
    const body = `GET /fake HTTP/1.1\r\nX: ${'y'.repeat(50)}\r\n\r\n`;
    const s = scan(
      `POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: ${body.length}\r\n\r\n${body}GET /b HTTP/1.1\r\nHost: h\r\n\r\n`,
      5,
    );
    expect(s.take('POST', '/a')?.total).toBe(9 + 20);
    expect(s.take('GET', '/b')).toEqual({ total: 9, longest: 9, longestName: 'Host' });
  });

  it('skips a chunked body with extensions and trailers', () => {
    const s = scan(
      'POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n' +
        '5;ext=1\r\nGET /\r\n4\r\n\r\n\r\n\r\n0\r\nX-Trailer: t\r\n\r\n' +
        'GET /b HTTP/1.1\r\nHost: h\r\n\r\n',
      4,
    );
    expect(s.take('POST', '/a')).toBeDefined();
    expect(s.take('GET', '/b')?.total).toBe(9);
  });

  it('stops after an upgrade or CONNECT: what follows is a tunnel', () => {
    const up = scan(
      'GET /ws HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\nGET /x HTTP/1.1\r\n\r\n',
    );
    expect(up.take('GET', '/ws')).toBeDefined();
    expect(up.take('GET', '/x')).toBeUndefined();
    const connect = scan('CONNECT h:443 HTTP/1.1\r\nHost: h\r\n\r\nGET /x HTTP/1.1\r\n\r\n');
    expect(connect.take('CONNECT', 'h:443')).toBeDefined();
    expect(connect.take('GET', '/x')).toBeUndefined();
  });

  it('a head that is not the request taken is dropped, and the scanner stops', () => {
    const s = scan('GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n');
    expect(s.take('GET', '/other')).toBeUndefined();
    expect(s.take('GET', '/b')).toBeUndefined();
  });

  it('framing it does not follow stops it (a coding other than chunked last, a bad chunk size)', () => {
    const gzip = scan('POST /a HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\nGET /b HTTP/1.1\r\n\r\n');
    expect(gzip.take('POST', '/a')).toBeDefined();
    expect(gzip.take('GET', '/b')).toBeUndefined();
    const bad = scan('POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nGET /b HTTP/1.1\r\n\r\n');
    expect(bad.take('POST', '/a')).toBeDefined();
    expect(bad.take('GET', '/b')).toBeUndefined();
  });

  it('reads the end of a long Transfer-Encoding, so that padding cannot hide chunked', () => {
    const codings = `${'gzip, '.repeat(100)}chunked`;
    const s = scan(
      `POST /a HTTP/1.1\r\nTransfer-Encoding: ${codings}\r\n\r\n4\r\nGET \r\n0\r\n\r\nGET /b HTTP/1.1\r\nX:${' '.repeat(50)}v\r\n\r\n`,
      9,
    );
    expect(s.take('POST', '/a')).toBeDefined();
    expect(s.take('GET', '/b')).toEqual({ total: 55, longest: 55, longestName: 'X' });
  });

  it('keeps a few hundred bytes of a line, never the line', () => {
    const s = new HeadScanner();
    s.feed(Buffer.from('GET /a HTTP/1.1\r\nX-Pad:'));
    for (let i = 0; i < 100; i++) s.feed(Buffer.alloc(100_000, 0x20));
    s.feed(Buffer.from('v\r\n\r\n'));
    expect(s.take('GET', '/a')).toEqual({ total: 10_000_009, longest: 10_000_009, longestName: 'X-Pad' });
  });
});
