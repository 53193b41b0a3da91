/**
 * Regression (issue 15): `apig bind acl ipAllow --api getUser --env test` replaced the IP access control policy
 * bound there (one per entity type) without a word, while the same bind without --env says "getUser used ... before";
 * a bind in every environment did not say that an apig.yaml binding overrides it in one; and a policy name in two
 * groups was refused with "2 throttling policys are named ...". Now each says what it replaces or what applies
 * instead, and the plural is "policies".
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

async function demo(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'apig-bind-note-'));
  cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
  for (const [name, type] of [
    ['ipDeny', 'DENY'],
    ['ipAllow', 'PERMIT'],
  ] as const)
    expect(
      (
        await runCli(
          ['add', 'acl', '--name', name, '--type', type, '--entity', 'IP', '--values', '10.0.0.1', '--yes'],
          { cwd: dir },
        )
      ).code,
    ).toBe(0);
  return dir;
}

describe('what bind replaces', () => {
  it('--env: the policy of the same entity type it replaces', async () => {
    const dir = await demo();
    expect((await runCli(['bind', 'acl', 'ipDeny', '--api', 'getUser', '--env', 'test'], { cwd: dir })).code).toBe(0);
    const r = await runCli(['bind', 'acl', 'ipAllow', '--api', 'getUser', '--env', 'test'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  note: getUser used ipDeny in test before\n');
    const every = await runCli(['bind', 'acl', 'ipDeny', '--api', 'getUser'], { cwd: dir });
    expect(every.stdout).toContain('  note: in test, bindings.test.getUser.acl in apig.yaml applies instead\n');
  });

  it('a policy name in two groups: "policies"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-bind-note-'));
    cpSync(join(ROOT, 'fixtures/serve/groups'), dir, { recursive: true });
    for (const f of ['shop.yaml', 'default.yaml'])
      writeFileSync(
        join(dir, f),
        `${readFileSync(join(dir, f), 'utf8')}x-apigateway-ratelimits:\n  perSec: { api-limit: 10, interval: 1, unit: SECOND }\n`,
      );
    const r = await runCli(['remove', 'throttle', 'perSec', '--yes'], { cwd: dir });
    expect(r.stderr).toBe(
      'apig: 2 throttling policies are named perSec (group shop, group DEFAULT); say which with --group\n',
    );
  });
});
