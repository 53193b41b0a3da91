/**
 * Regression (issue 15): a workspace with no groups (`groups: []`, as after removing the last one) was refused by the
 * workspace schema ("groups must NOT have fewer than 1 items"), so lint failed and import into it was refused. It
 * is valid: lint is clean, and import fills it (as a block list, comments kept).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

describe('a workspace with no groups', () => {
  it('lints clean, and import fills it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-empty-groups-'));
    writeFileSync(join(dir, 'apig.yaml'), '# my workspace\ngroups: []\n');
    const lint = await runCli(['lint'], { cwd: dir });
    expect(lint.code, lint.stdout).toBe(0);
    const imported = await runCli(['import', join(ROOT, 'fixtures/examples/otc-four-backends.yaml')], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
    const text = readFileSync(join(dir, 'apig.yaml'), 'utf8');
    expect(text).toMatch(/^# my workspace\ngroups:\n {2}- name: \S+\n {4}spec: \S+\.yaml\n/);
    expect((await runCli(['lint', '--quiet'], { cwd: dir })).code).toBe(0);
  });
});
