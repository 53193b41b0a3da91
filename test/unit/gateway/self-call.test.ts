import { describe, expect, it } from 'vitest';
import { isSelf, MAX_CALL_DEPTH, nextCallDepth } from '../../../src/gateway/backends/self-call.js';
import { configFrom, context, mock } from './build.js';

const spec = `swagger: "2.0"
info: { title: g, version: "1" }
paths:
  /a:
    get:
      operationId: a
${mock()}
`;

describe('a backend that is the gateway itself', () => {
  it('is a loopback, an address of this machine or the one the request came in on (host names resolved), on a port the gateway listens on', async () => {
    const ctx = context(await configFrom(spec), { localAddress: '192.168.1.7' });
    const ports = new Set([8080]);
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      'localhost',
      '::1',
      '[::1]',
      '[0:0:0:0:0:0:0:1]',
      '::ffff:127.0.0.1',
      '0.0.0.0',
      '192.168.1.7',
    ]) {
      expect(await isSelf(ctx, host, 8080, ports), host).toBe(true);
    }
    expect(await isSelf(ctx, '127.0.0.1', 9000, ports)).toBe(false);
    expect(await isSelf(ctx, '192.0.2.8', 8080, ports)).toBe(false);
    expect(await isSelf(ctx, 'no-such-host.invalid', 8080, ports)).toBe(false);
  });

  it('counts the depth from X-Apig-Call-Depth; garbage counts as 0; the 11th level is refused', async () => {
    const config = await configFrom(spec);
    const at = (v?: string): number | undefined =>
      nextCallDepth(
        context(config, { headers: { host: 'h', ...(v === undefined ? {} : { 'x-apig-call-depth': v }) } }),
      );
    expect(at()).toBe(1);
    expect(at('abc')).toBe(1);
    expect(at('-4')).toBe(1);
    expect(at('9')).toBe(MAX_CALL_DEPTH);
    expect(at(String(MAX_CALL_DEPTH))).toBeUndefined();
  });
});
