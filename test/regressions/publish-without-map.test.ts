/**
 * Regression (issue 15): `apig add api --publish staging` was refused until the user wrote a publish: map by hand
 * ("apig.yaml has no publish: map"), and `apig add env` did not say that nothing is published to the new
 * environment. Now --publish creates the map, keeping every API in RELEASE (`RELEASE: ["*"]`, which is what no map
 * means) and listing the API under the environment; add env says how to publish there.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

describe('publishing to a new environment', () => {
  it('add env says nothing is published there; add api --publish creates the map, RELEASE kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-publish-'));
    expect((await runCli(['init', 'shop', '--yes'], { cwd: dir })).code).toBe(0);
    const ws = join(dir, 'shop');
    const env = await runCli(['add', 'env', '--name', 'staging', '--yes'], { cwd: ws });
    expect(env.code, env.stderr).toBe(0);
    expect(env.stdout + env.stderr).toContain('no API is published to staging yet: apig add api --publish staging');
    const api = await runCli(['add', 'api', '--path', '/x', '--name', 'getX', '--publish', 'staging', '--yes'], {
      cwd: ws,
    });
    expect(api.code, api.stderr).toBe(0);
    const written = parse(readFileSync(join(ws, 'apig.yaml'), 'utf8')) as { publish: Record<string, string[]> };
    expect(written.publish).toEqual({ RELEASE: ['*'], staging: ['getX'] });
    expect((await runCli(['lint', '--quiet'], { cwd: ws })).code).toBe(0);
  });
});
