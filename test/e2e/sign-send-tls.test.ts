/**
 * Issue 15: `apig sign --send` to the emulator's own HTTPS (a self-signed certificate, `apig serve --tls-cert`)
 * failed with a certificate error and no way around it. `--cacert FILE` trusts that certificate, `-k/--insecure`
 * checks none; both apply to --send only. A real HTTPS server on port 0 with the fixture certificate.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ENV = { APIG_KEY: 'key-for-tls-test', APIG_SECRET: 'secret-for-tls-test' };
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer(
    { cert: readFileSync('fixtures/serve/tls/cert.pem'), key: readFileSync('fixtures/serve/tls/key.pem') },
    (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`signed: ${String(req.headers.authorization ?? '').startsWith('SDK-HMAC-SHA256')}`);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/orders`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('apig sign --send over HTTPS with a self-signed certificate', () => {
  it('without --cacert or -k: a certificate error (exit 1)', async () => {
    const r = await runCli(['sign', '--send', url], { env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/certificate/i);
  });

  it('--cacert FILE trusts it; -k checks none', async () => {
    for (const flags of [['--cacert', 'fixtures/serve/tls/cert.pem'], ['-k']]) {
      const r = await runCli(['sign', '--send', ...flags, url], { env: ENV });
      expect([flags[0], r.code, r.stderr]).toEqual([flags[0], 0, '']);
      expect(r.stdout).toMatch(/^HTTP 200\n/);
      expect(r.stdout).toContain('signed: true');
    }
  });

  it('they apply to --send only, and a --cacert that cannot be read is an input error', async () => {
    const without = await runCli(['sign', '--cacert', 'fixtures/serve/tls/cert.pem', url], { env: ENV });
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--cacert applies to --send');
    const missing = await runCli(['sign', '--send', '--cacert', 'no-such.pem', url], { env: ENV });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read no-such.pem');
  });
});
