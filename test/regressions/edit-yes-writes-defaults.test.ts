/**
 * Regression (issue 15): `apig edit api NAME --yes` with no flag was to change nothing, but it wrote what the file
 * leaves to the defaults (`timeout: 5000`, `x-apigateway-request-type: public`, `x-apigateway-match-mode: NORMAL`,
 * a Mock backend for an API without one) and added a second security scheme beside the one the API uses (one with
 * AppCode authentication in headers). The answers were measured from the current values alone, not from the
 * current values with the defaults `add` takes, and a key the file leaves unwritten was written whenever the answers
 * named it. Now every API of every fixture workspace answers "nothing to change".
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

function copy(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-edit-noop-'));
  cpSync(join(ROOT, fixture), dir, { recursive: true });
  return dir;
}

describe('apig edit --yes with no flag', () => {
  it.each([
    ['fixtures/serve/auth', 'none'],
    ['fixtures/serve/backends', 'proxyPrefix'],
    ['fixtures/serve/backends', 'noBackend'],
    ['fixtures/serve/backends', 'fnText'],
    ['fixtures/serve/app-route', 'shopOrders'],
    ['fixtures/lint/mixed', 'listOrders'],
  ])('%s: API %s is left as it is', async (fixture, api) => {
    const dir = copy(fixture);
    const r = await runCli(['edit', 'api', api, '--yes'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^nothing to change: API /);
    expect(r.code).toBe(0);
    for (const f of readdirSync(join(ROOT, fixture)).filter((n) => /\.ya?ml$/.test(n)))
      expect(readFileSync(join(dir, f), 'utf8')).toBe(readFileSync(join(ROOT, fixture, f), 'utf8'));
  });
});
