/**
 * Regression (issue 15): RELEASE is the gateway's own environment, there even where apig.yaml does not list it
 * (as after `apig init`), yet `apig edit env RELEASE --var backend=...` said "no environment named RELEASE". And
 * with a single Swagger file standing in for the workspace (-w shop.yaml), `apig edit env RELEASE` and
 * `apig remove app x` said "no environment named RELEASE" / "no app named x", as if a name were misspelt. Now
 * RELEASE can be edited (its entry is written), and the single-file case says apps and environments live in
 * apig.yaml.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../e2e/run-cli.js';

async function initialised(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'apig-release-env-'));
  expect((await runCli(['init', 'shop', '--yes'], { cwd: dir })).code).toBe(0);
  return join(dir, 'shop');
}

describe('RELEASE and the environments of a single Swagger file', () => {
  it('edit env RELEASE where apig.yaml does not list it writes its entry', async () => {
    const ws = await initialised();
    const r = await runCli(['edit', 'env', 'RELEASE', '--var', 'backend=10.0.0.5:80', '--yes'], { cwd: ws });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const written = parse(readFileSync(join(ws, 'apig.yaml'), 'utf8')) as { environments: unknown };
    expect(written.environments).toEqual({ RELEASE: { variables: { backend: '10.0.0.5:80' } } });
  });

  it('a single Swagger file has no apps or environments to change', async () => {
    const ws = await initialised();
    const env = await runCli(['edit', 'env', 'RELEASE', '-w', 'shop.yaml', '--yes'], { cwd: ws });
    expect(env).toMatchObject({
      code: 2,
      stderr:
        'apig: environments are written in apig.yaml, but shop.yaml is a single Swagger file; ' +
        'create a workspace with apig init or apig import\n',
    });
    const app = await runCli(['remove', 'app', 'x', '-w', 'shop.yaml', '--yes'], { cwd: ws });
    expect(app.stderr).toMatch(/^apig: apps are written in apig.yaml, but shop.yaml is a single Swagger file/);
  });
});
