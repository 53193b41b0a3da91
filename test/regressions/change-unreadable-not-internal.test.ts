/**
 * Regression (issue 15): a change whose result the workspace schema refuses ended in "apig: internal error: the
 * change does not read back: apps.0.key must NOT have fewer than 1 characters" (exit 3, the code of a bug), for
 * example `apig edit app app1 --key '' --yes`. Now it is refused as any other change that cannot be written:
 * exit 2, naming the file and the place, nothing written.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

describe('a change the workspace schema refuses', () => {
  it('is refused with exit 2, naming file and place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-unreadable-'));
    cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
    const r = await runCli(['edit', 'app', 'app1', '--key', '', '--yes'], { cwd: dir });
    expect(r).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'apig: not written: the change would leave the workspace unreadable:\n' +
        '  apig.yaml: apps.0.key must NOT have fewer than 1 characters (at /apps/0/key)\n',
    });
    expect(readFileSync(join(dir, 'apig.yaml'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'fixtures/demo/apig.yaml'), 'utf8'),
    );
  });
});
