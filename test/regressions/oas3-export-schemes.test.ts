/**
 * Regression (UX review): `apig export --oas 3` dropped every operation's `schemes` (the request protocol)
 * without a word, and `--oas 3 --check` buried that loss under differences of notation. OpenAPI 3.0 has no
 * schemes and APIG maps none (x-apigateway.md "Standard Swagger fields"): the export now says so, and
 * --check compares in the group file's own version.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

describe('export --oas 3 and the request protocol', () => {
  it('warns about the APIs whose protocol is not exported', async () => {
    const r = await runCli(['export', '-w', 'fixtures/examples/otc-four-backends.yaml', '--oas', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'OpenAPI 3.0 has no schemes field, so the request protocol of 4 API(s) is not exported (getUser3, userOperation, invokeFunction, mock)',
    );
  });

  it('--check lists exactly the lost schemes, not the change of notation', async () => {
    const r = await runCli(['export', '-w', 'fixtures/examples/otc-four-backends.yaml', '--oas', '3', '--check']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, -1).every((l) => l.endsWith('/schemes  lost'))).toBe(true);
    expect(lines.at(-1)).toContain('4 field(s) lost or changed');
  });

  it('a Swagger 2.0 export of a 2.0 file warns about nothing', async () => {
    const r = await runCli(['export', '-w', 'fixtures/examples/otc-four-backends.yaml']);
    expect(r.stderr).toBe('');
  });
});
