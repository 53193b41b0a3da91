/**
 * Regression (issue 15): in a workspace of two groups, `apig add api --yes ...` and `apig add backend-policy --yes`
 * without --group failed with "no group named undefined": the walk that lists the missing flags worked out the
 * later questions' defaults, which need the group, before the group was known. Now --group is listed as missing
 * (exit 2, nothing written), and with --group the API is added to that group.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

async function twoGroups(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'apig-two-groups-'));
  expect((await runCli(['init', 'shop', '--yes'], { cwd: dir })).code).toBe(0);
  const ws = join(dir, 'shop');
  cpSync(join(ROOT, 'fixtures/examples/otc-four-backends.yaml'), join(ws, 'otc.yaml'));
  expect((await runCli(['import', 'otc.yaml'], { cwd: ws })).code).toBe(0);
  return ws;
}

describe('apig add in a workspace of two groups', () => {
  it('without --group: --group is listed as missing, nothing is written', async () => {
    const ws = await twoGroups();
    const before = readFileSync(join(ws, 'apig.yaml'), 'utf8');
    for (const argv of [
      ['add', 'api', '--yes', '--name', 'getThing', '--path', '/thing', '--method', 'GET'],
      ['add', 'backend-policy', '--yes'],
    ]) {
      const r = await runCli(argv, { cwd: ws });
      expect([argv[1], r.code]).toEqual([argv[1], 2]);
      expect(r.stderr).toMatch(/^ {2}--group /m);
      expect(r.stderr).not.toContain('undefined');
    }
    expect(readFileSync(join(ws, 'apig.yaml'), 'utf8')).toBe(before);
  });

  it('with --group: the API goes to that group', async () => {
    const ws = await twoGroups();
    const r = await runCli(['add', 'api', '--yes', '--group', 'shop', '--name', 'getThing', '--path', '/thing'], {
      cwd: ws,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(ws, 'shop.yaml'), 'utf8')).toContain('operationId: getThing');
  });
});
