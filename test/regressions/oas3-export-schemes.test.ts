/**
 * Regression (UX review): `apig export --oas 3` dropped every operation's `schemes` (the request protocol)
 * without a word, and `--oas 3 --check` buried that loss under differences of notation. --check now compares in
 * the group file's own version. Since then the protocol is no longer lost: an operation's `schemes` are written
 * as its `servers`, as the console's OpenAPI 3.0 exports write them (oas3-export-operation-servers.test.ts); the
 * export warns only where it cannot write them (a file without host).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

describe('export --oas 3 and the request protocol', () => {
  it('writes the protocols of the documented examples, and warns about nothing', async () => {
    const r = await runCli(['export', '-w', 'fixtures/examples/otc-four-backends.yaml', '--oas', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('servers:\n        - url: http://api.account.com\n');
  });

  it('--check lists no change of notation, and nothing lost', async () => {
    const r = await runCli(['export', '-w', 'fixtures/examples/otc-four-backends.yaml', '--oas', '3', '--check']);
    expect(r.stdout.trim()).toBe(
      'fixtures/examples/otc-four-backends.yaml: nothing is lost by this export (scope extended)',
    );
    expect(r.code).toBe(0);
  });

  it('a Swagger 2.0 export of a 2.0 file warns about nothing', async () => {
    const r = await runCli(['export', '-w', 'fixtures/examples/otc-four-backends.yaml']);
    expect(r.stderr).toBe('');
  });
});
