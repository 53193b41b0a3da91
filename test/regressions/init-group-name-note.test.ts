/**
 * Regression: `apig init aa --template app-auth --yes` created group `demo` (demo.yaml) without saying why:
 * "aa" is not a valid group name. init now says so in a note that quotes the rule and names the group used.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

describe('init in a folder whose name is not a valid group name', () => {
  it('says which name it used and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-regression-'));
    const r = await runCli(['init', 'aa', '--template', 'app-auth', '--yes'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'created aa/apig.yaml and aa/demo.yaml (app-auth template)\n' +
        '  note: the folder name "aa" is not a valid group name (3–64 letters, digits or underscores, starting with a letter: group-name); the group is named demo (choose with --group)\n',
    );
    const cleaned = await runCli(['init', 'my-shop', '--yes', '--dry-run'], { cwd: dir });
    expect(cleaned.stdout).toContain(
      'note: the folder name "my-shop" is not a valid group name (3–64 letters, digits or underscores, starting with a letter: group-name); the group is named my_shop (choose with --group)\n',
    );
  });

  it('says nothing when the folder name is used, or when --group names the group', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-regression-'));
    expect((await runCli(['init', 'shop_', '--yes', '--dry-run'], { cwd: dir })).stdout).not.toContain('note:');
    expect((await runCli(['init', 'shop_', '--yes', '--dry-run'], { cwd: dir })).stdout).toContain(
      '+++ shop_/shop_.yaml',
    );
    expect((await runCli(['init', 'aa', '--group', 'demo', '--yes', '--dry-run'], { cwd: dir })).stdout).not.toContain(
      'note:',
    );
  });
});
