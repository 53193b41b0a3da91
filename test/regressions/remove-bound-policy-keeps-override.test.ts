/**
 * Regression (issue 15): apig.yaml `bindings` replace, in one environment, the policy the operation names. With
 * getUser naming perApp and `bindings.test.getUser.throttle: burst`, `apig remove throttle burst --force` deleted
 * the binding, so perApp silently applied in test again. Now the binding says `null` (no policy there), as it
 * said "not perApp" before, and the command says so; an access control list keeps its other entry.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../e2e/run-cli.js';

async function demo(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'apig-remove-bound-'));
  cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
  const run = async (argv: string[]): Promise<void> => {
    const r = await runCli(argv, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  };
  await run(['add', 'throttle', '--name', 'burst', '--api-limit', '5', '--yes']);
  await run(['bind', 'throttle', 'burst', '--api', 'getUser', '--env', 'test']);
  await run(['add', 'acl', '--name', 'ipDeny', '--type', 'DENY', '--entity', 'IP', '--values', '10.0.0.1', '--yes']);
  await run(['add', 'acl', '--name', 'acctDeny', '--type', 'DENY', '--entity', 'DOMAIN', '--values', 'bob', '--yes']);
  await run(['bind', 'acl', 'ipDeny', '--api', 'getUser', '--env', 'test']);
  await run(['bind', 'acl', 'acctDeny', '--api', 'getUser', '--env', 'test']);
  return dir;
}

const binding = (dir: string): unknown =>
  (parse(readFileSync(join(dir, 'apig.yaml'), 'utf8')) as { bindings: { test: { getUser: unknown } } }).bindings.test
    .getUser;

describe('removing a policy an apig.yaml binding names', () => {
  it('leaves null in the binding, not the operation’s own policy', async () => {
    const dir = await demo();
    const r = await runCli(['remove', 'throttle', 'burst', '--force', '--yes'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('none is bound now (null)');
    expect(binding(dir)).toEqual({ throttle: null, acl: ['ipDeny', 'acctDeny'] });
    expect((await runCli(['remove', 'acl', 'ipDeny', '--force', '--yes'], { cwd: dir })).code).toBe(0);
    expect(binding(dir)).toEqual({ throttle: null, acl: 'acctDeny' });
    expect((await runCli(['lint', '--quiet'], { cwd: dir })).code).toBe(0);
  });
});
