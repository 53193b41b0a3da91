/**
 * Regression (issue 16, POST /_apig/clock): a body with a valid `set` and an unreadable `advance` set the clock,
 * then answered 400 for the `advance`: the request was refused, yet the clock had moved. (With `--workers` a move
 * goes to every worker as one step, so it must be decided before anything is applied.)
 * Right: the body is read whole first; a 400 leaves the clock where it was.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { virtualClock } from '../../src/gateway/index.js';
import { bodyOf, raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

const T0 = Date.parse('2024-01-01T00:00:00Z');
const gateways: InProcess[] = [];
afterAll(async () => {
  for (const g of gateways) await g.close();
});

function post(port: number, body: string): Promise<string> {
  return raw(
    port,
    `POST /_apig/clock HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

describe('POST /_apig/clock with one unreadable field', () => {
  it('is refused, and the clock stays where it was', async () => {
    const clock = virtualClock(T0);
    const gw = await startGateway('fixtures/demo', undefined, { virtualClock: clock });
    gateways.push(gw);
    const refused = await post(gw.port, JSON.stringify({ set: '2030-01-01T00:00:00Z', advance: 'soon' }));
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf(refused).error).toContain('"advance" is not a duration');
    expect(clock.now()).toBe(T0);
    const moved = await post(gw.port, JSON.stringify({ set: '2030-01-01T00:00:00Z', advance: '90s' }));
    expect(bodyOf(moved)).toEqual({ now: '2030-01-01T00:01:30.000Z', epochMs: Date.parse('2030-01-01T00:01:30Z') });
  });
});
