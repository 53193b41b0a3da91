/**
 * Regression (issue 15): throttle specials name an app by its id, which is the app's name unless apig.yaml writes
 * an `id:`. `apig rename app vip vip2` for an app with `id: vip-id` rewrote the specials naming `vip-id` to
 * `vip2`, which is no app's id: the special limit silently stopped applying. Now a rename leaves specials alone
 * when the app has an id of its own (and still follows them when its id is its name).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

function auth(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-rename-app-id-'));
  cpSync(join(ROOT, 'fixtures/serve/auth'), dir, { recursive: true });
  return dir;
}

describe('apig rename app and throttle specials', () => {
  it('an app with an id of its own: the specials naming the id stay', async () => {
    const dir = auth();
    const before = readFileSync(join(dir, 'auth.yaml'), 'utf8');
    const r = await runCli(['rename', 'app', 'vip', 'vip2'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'auth.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'apig.yaml'), 'utf8')).toContain('{ name: vip2, id: vip-id,');
  });

  it('an app whose id is its name: the specials follow the new name', async () => {
    const dir = auth();
    writeFileSync(join(dir, 'apig.yaml'), readFileSync(join(dir, 'apig.yaml'), 'utf8').replace(' id: vip-id,', ''));
    writeFileSync(
      join(dir, 'auth.yaml'),
      readFileSync(join(dir, 'auth.yaml'), 'utf8').replace('instance: vip-id', 'instance: vip'),
    );
    const r = await runCli(['rename', 'app', 'vip', 'vip2'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'auth.yaml'), 'utf8')).toContain('instance: vip2 }');
  });
});
