/**
 * Regression (issue 15): a change is refused when it brings a lint error, and "brings" was judged by the
 * findings' messages; a rename changes the messages that name the thing, so an error the workspace already had
 * about it looked new: with app1 authorized for hello (which does not use APP authentication), `apig rename api
 * hello helloThere` was refused with "helloThere does not use APP authentication". Now a finding whose message
 * names the new name is compared as it read with the old one.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

describe('renaming a thing lint already finds fault with', () => {
  it('is not refused for that finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-rename-finding-'));
    cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
    const ws = readFileSync(join(dir, 'apig.yaml'), 'utf8').replace(
      'authorize: { RELEASE: ["*"], test: ["*"] }',
      'authorize: { RELEASE: ["*"], test: [hello] }',
    );
    writeFileSync(join(dir, 'apig.yaml'), ws);
    expect((await runCli(['lint'], { cwd: dir })).stdout).toContain('hello does not use APP authentication');
    const r = await runCli(['rename', 'api', 'hello', 'helloThere'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('lint: no new findings\n');
    expect(readFileSync(join(dir, 'apig.yaml'), 'utf8')).toContain('test: [helloThere]');
  });
});
