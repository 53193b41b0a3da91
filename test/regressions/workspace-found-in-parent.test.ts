/**
 * Regression (issue 15): `apig lint`, `serve` and the other commands looked for apig.yaml only in the current
 * folder, while .apiglint.yaml is found in a parent too: run from a sub-folder of a workspace (specs/, say), they
 * said there was no workspace. apig.yaml is now found here or in the nearest parent folder.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

describe('apig.yaml in a parent folder', () => {
  it('is the workspace of a command run in a sub-folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-parent-'));
    cpSync(join(ROOT, 'fixtures/lint/mixed'), dir, { recursive: true });
    mkdirSync(join(dir, 'specs', 'deeper'), { recursive: true });
    const here = await runCli(['lint', '-f', 'json'], { cwd: dir });
    const below = await runCli(['lint', '-f', 'json'], { cwd: join(dir, 'specs', 'deeper') });
    expect(below.code).toBe(here.code);
    const summary = (s: string): unknown => (JSON.parse(s) as { summary: unknown }).summary;
    expect(summary(below.stdout)).toEqual(summary(here.stdout));
  });

  it('none here or above: the message says where it looked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-parent-'));
    const r = await runCli(['lint'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no apig.yaml in ${dir} or a parent folder`);
  });
});
