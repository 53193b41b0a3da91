/**
 * Regression (issue 15, "A CLI that installs and behaves"): commander's own errors (an unknown command, option or
 * choice) began with `error:` while every other error apig prints begins with `apig:`. One prefix now, and the
 * nearest real command or option is still suggested.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

describe('one error prefix', () => {
  it.each([
    [['lnt'], "apig: unknown command 'lnt'", '(Did you mean lint?)'],
    [['lint', '--formt', 'json'], "apig: unknown option '--formt'", '(Did you mean --format?)'],
    [
      ['lint', '--fail-severity', 'fatal'],
      "apig: option '-F, --fail-severity <severity>' argument 'fatal' is invalid",
      '',
    ],
  ])('%j', async (argv, first, hint) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(first)).toBe(true);
    expect(r.stderr).toContain(hint);
    expect(r.stderr).not.toMatch(/^error:/m);
  });
});
