/**
 * Regression (issue 15): a file was written by renaming a temporary file over its path, which replaced a
 * symbolic link with a regular file: with demo.yaml a link to a spec kept elsewhere, `apig edit api getUser
 * --backend-timeout 8000` left that spec as it was and cut the link. The permissions of the file were lost too
 * (a 0600 file became 0644). Now the write goes to the file the link points to, with its mode kept.
 */
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

describe('writing a group file that is a symbolic link', () => {
  it('changes the file it points to and keeps the link and the mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-symlink-'));
    const ws = join(dir, 'ws');
    const shared = join(dir, 'shared');
    cpSync(join(ROOT, 'fixtures/demo'), ws, { recursive: true });
    mkdirSync(shared);
    cpSync(join(ws, 'demo.yaml'), join(shared, 'demo.yaml'));
    chmodSync(join(shared, 'demo.yaml'), 0o600);
    rmSync(join(ws, 'demo.yaml'));
    symlinkSync(join(shared, 'demo.yaml'), join(ws, 'demo.yaml'));
    const r = await runCli(['edit', 'api', 'getUser', '--backend-timeout', '8000', '--yes'], { cwd: ws });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(lstatSync(join(ws, 'demo.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(shared, 'demo.yaml'), 'utf8')).toContain('timeout: 8000');
    expect(statSync(join(shared, 'demo.yaml')).mode & 0o777).toBe(0o600);
  });
});
