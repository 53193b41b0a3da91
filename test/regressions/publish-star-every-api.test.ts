/**
 * Regression (issue 15): `publish:` writes "every API" as `*`, and `apig publish test '*'` (or `unpublish`) is what a
 * user who reads apig.yaml types, but it was refused with "no API named *"; and a name given twice was listed twice
 * in the summary ("hello, hello"). Now `*` means every API, as no name does, and names count once.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../e2e/run-cli.js';

const publish = (dir: string): unknown =>
  (parse(readFileSync(join(dir, 'apig.yaml'), 'utf8')) as { publish: unknown }).publish;

describe('apig publish with *', () => {
  it('publishes and unpublishes every API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-publish-star-'));
    cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
    const un = await runCli(['unpublish', 'test', '*', '--yes'], { cwd: dir });
    expect(un).toMatchObject({ code: 0, stderr: '' });
    expect(publish(dir)).toEqual({ RELEASE: ['*'] });
    const r = await runCli(['publish', 'test', '*'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(publish(dir)).toEqual({ RELEASE: ['*'], test: ['*'] });
    const twice = await runCli(['unpublish', 'test', 'hello', 'hello', '--yes'], { cwd: dir });
    expect(twice.stdout).toContain('unpublished hello from test\n');
  });
});
