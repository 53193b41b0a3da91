/**
 * Regression (UX review): `apig sign --explain` said "1 canonical-request line differ". The count now agrees
 * with its verb: "1 canonical-request line differs", "2 canonical-request lines differ".
 */
import { describe, expect, it } from 'vitest';
import { explainGatewayError, signRequest, verifySignature, type SignInput } from '../../src/sign/index.js';
import { runCli } from '../e2e/run-cli.js';
import { received } from '../unit/sign/receive.js';

const BASE: SignInput = {
  method: 'GET',
  url: 'https://apig.example.com/v1/orders?a=1',
  key: 'HPUAEXAMPLEAK0000001',
  secret: 'right-secret',
  date: '20240315T083000Z',
};

/** The gateway's answer to `sent`, signed with another secret so that it reports its canonical request. */
function gatewayBody(sent: SignInput): string {
  const r = verifySignature(
    received(signRequest(sent)),
    () => 'another-secret',
    new Date(Date.UTC(2024, 2, 15, 8, 30)),
  );
  if (r.ok) throw new Error('expected a mismatch');
  return JSON.stringify({ error_msg: r.message, error_code: r.code, request_id: '0'.repeat(32) });
}

describe('--explain counts differing lines in good English', () => {
  it('one line: "differs"; two lines: "lines differ"', () => {
    const ours = signRequest(BASE);
    expect(explainGatewayError(gatewayBody({ ...BASE, method: 'DELETE' }), ours).summary).toBe(
      '1 canonical-request line differs',
    );
    expect(
      explainGatewayError(
        gatewayBody({ ...BASE, method: 'DELETE', url: 'https://apig.example.com/v2/orders?a=1' }),
        ours,
      ).summary,
    ).toBe('2 canonical-request lines differ');
  });

  it('in the CLI output', async () => {
    const env = { APIG_KEY: BASE.key, APIG_SECRET: BASE.secret };
    const r = await runCli(
      ['sign', '--explain', gatewayBody({ ...BASE, method: 'DELETE' }), '--date', '20240315T083000Z', BASE.url],
      { env },
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('1 canonical-request line differs');
  });
});
