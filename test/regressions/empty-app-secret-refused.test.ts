/**
 * Regression (issue 15, attacked as a careless user): `apig edit app app1 --secret '' --yes` (and `apig add app
 * --secret ''`) wrote `secret: ''`, exit 0, with only a warning: an app whose secret matches no signature. Right:
 * the secret is a required answer, so an empty one is refused (exit 2) and nothing is written.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

function demo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-empty-secret-'));
  cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
  return dir;
}

describe('an empty AppSecret', () => {
  it.each([
    ['edit', ['edit', 'app', 'app1', '--secret', '', '--yes']],
    ['add', ['add', 'app', '--name', 'mobile', '--secret', '', '--yes']],
  ])('apig %s: refused, nothing written', async (_, args) => {
    const dir = demo();
    const before = readFileSync(join(dir, 'apig.yaml'), 'utf8');
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('apig: --secret: an answer is needed\n');
    expect(readFileSync(join(dir, 'apig.yaml'), 'utf8')).toBe(before);
  });
});
