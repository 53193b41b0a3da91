/**
 * Regression (issue 15): `apig init --group w2` was refused with the 3–255 character rule and
 * `apig init --group my-shop` with a message about an info.title the user never typed. init states one rule,
 * the one a new workspace's group name must meet (it is also the group file's info.title), for every name.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

const RULE =
  "must be 3–64 letters, digits or underscores, starting with a letter (it is also the Swagger file's " +
  'info.title, which names the group when the file is imported: group-name)';

describe('apig init --group', () => {
  it.each(['w2', 'my-shop', '2shop', `g${'x'.repeat(64)}`])('%s: one rule, stated once', async (name) => {
    const r = await runCli(['init', 'x', '--group', name, '--yes'], { cwd: mkdtempSync(join(tmpdir(), 'apig-')) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`apig: --group: group name "${name}" ${RULE}\n`);
  });

  it('a name within the rule is taken', async () => {
    const r = await runCli(['init', 'x', '--group', 'my_shop', '--yes'], { cwd: mkdtempSync(join(tmpdir(), 'apig-')) });
    expect(r.code).toBe(0);
  });
});
