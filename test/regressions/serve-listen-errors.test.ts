/**
 * Regression (UX review): a port in use or a --host that is not this machine's ended `apig serve` with
 * "apig: internal error: listen EADDRINUSE ..." and exit 3; they are usage errors (exit 2) that say what to do.
 */
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

describe('apig serve cannot listen', () => {
  let taken: Server;
  let port: number;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    port = (taken.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => taken.close(() => r()));
  });

  it('a port in use: exit 2, and a hint', async () => {
    const r = await runCli(['serve', 'fixtures/serve/groups', '-p', String(port)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `cannot listen on 127.0.0.1:${port}: the port is in use; choose another with -p, or -p 0 for a free one`,
    );
    expect(r.stderr).not.toContain('internal error');
  });

  it('a host that is not an address of this machine: exit 2', async () => {
    const r = await runCli(['serve', 'fixtures/serve/groups', '-p', '0', '--host', '192.0.2.1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('192.0.2.1 is not an address of this machine (--host)');
  });
});
