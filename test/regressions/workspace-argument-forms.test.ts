/** Regression (UX review): `apig serve -w DIR` was an unknown option and `apig export DIR` had too many arguments. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

describe('every command names its workspace the same ways', () => {
  it('export takes the workspace as an argument too', async () => {
    const r = await runCli(['export', 'fixtures/demo', '--scope', 'basic']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('title: demo');
  });

  it('two different workspaces are refused', async () => {
    const r = await runCli(['export', 'fixtures/demo', '-w', 'fixtures/examples/full-featured.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('two workspaces given');
    const s = await runCli(['serve', 'fixtures/demo', '-w', 'fixtures/serve/groups', '-p', '0']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('two workspaces given');
  });

  it('serve -w is accepted', async () => {
    const r = await runCli(['serve', '--help']);
    expect(r.stdout).toContain('-w, --workspace <path>');
  });
});
