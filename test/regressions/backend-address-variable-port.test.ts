/**
 * backend-address: an environment variable in the port (`api.example.com:#port#`, `#host#:#port#`) was
 * reported as "must be host[:port], without a scheme or path", although the address is host:port and the
 * documentation lets #var# stand in the backend address (API Gateway User Guide, 5.2.1 Creating an API:
 * `#ipaddress#`, `#ipaddress##test#`). Right: such addresses lint clean; the literal parts are still checked
 * (a refused range in front of a variable port, a port out of range after a variable host).
 */
import { describe, expect, it } from 'vitest';
import { lintText, op, spec } from '../unit/lint/harness.js';

const findings = async (address: string): Promise<string[]> => {
  const backend = `        type: HTTP\n        httpEndpoints:\n          address: "${address}"\n          scheme: http\n          method: GET\n          path: /b\n`;
  const { findings: all } = await lintText({ spec: spec(op({ backend })) });
  return all.filter((f) => f.code === 'backend-address').map((f) => f.message);
};

describe('backend-address with #var# in the port', () => {
  it.each(['api.example.com:#port#', '#host#:#port#', '10.0.0.1:#port#'])('%s is host:port', async (address) => {
    expect(await findings(address)).toEqual([]);
  });

  it('still checks the literal host', async () => {
    expect(await findings('127.0.0.1:#port#')).toEqual([
      expect.stringContaining('backend address 127.0.0.1 is in 127.0.0.0/8'),
    ]);
  });

  it('still checks a literal port', async () => {
    expect(await findings('#host#:99999')).toEqual(['backend port 99999 is outside 1–65535']);
  });
});
