/**
 * Regression: `apig export --check` counted apig's own `x-apig-lint-disable` (dropped for the console on
 * purpose) as a lost field and exited 1, so the README's "nothing is lost" example was false.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

describe('export --check and apig-only keys', () => {
  it('shows the dropped suppression but does not count it', async () => {
    const r = await runCli(['export', '-w', 'fixtures/variants/real-exports.yaml', '--check']);
    expect(r.stdout).toContain("#/x-apig-lint-disable  dropped: apig's own key, not for the console");
    expect(r.stdout).toContain('nothing is lost by this export');
    expect(r.code).toBe(0);
  });
});
