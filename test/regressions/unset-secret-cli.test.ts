/**
 * Regression (issue 12, authentication, "unset secrets"): `apig serve` started silently with credentials whose
 * `${ENV_VAR}` was unset (they then matched empty credentials), `--strict` did not refuse them, and the loader's
 * `missing-env` diagnostic never reached `apig lint`'s output. Now serve names every unusable secret by its owner
 * and variable (never a value) and `--strict` refuses to start (exit 2); lint reports each as `unset-secret`
 * with file:line:col at the `${VAR}` in apig.yaml; `apig sign --app` refuses an unset secret with exit 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';
import { spawnServe, until } from '../e2e/serve-helpers.js';
import { unsetSecretsWorkspace, VARS } from './unset-secret-kit.js';

describe('unset secrets in the CLI', () => {
  it('apig serve --strict refuses to start and names each unusable secret and its variable', async () => {
    const dir = unsetSecretsWorkspace();
    const r = await runCli(['serve', dir, '--port', '0', '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('listening');
    expect(r.stderr).toContain('6 unusable secret(s)');
    expect(r.stderr).toMatch(
      new RegExp(`apig\\.yaml:\\d+:\\d+  the AppSecret of app app1: ${VARS.appSecret} is not set`),
    );
    for (const line of [
      `AppCode 1 of app app1: ${VARS.appCode} is not set`,
      `the token of IAM user alice: ${VARS.token} is not set`,
      `the SK of IAM AK AKALICE: ${VARS.sk} is not set`,
      `the secret of signature key hmac-key: ${VARS.hmac} is not set`,
      `the secret of signature key basic-key: ${VARS.basic} is not set`,
    ])
      expect(r.stderr).toContain(line);
    expect(r.stderr).toContain(
      `apig: --strict: 6 secret(s) are unusable: the AppSecret of app app1 (${VARS.appSecret} is not set)`,
    );
  });

  it('apig serve without --strict starts, and names each unusable secret (never a value) before it listens', async () => {
    const dir = unsetSecretsWorkspace();
    const served = await spawnServe([dir, '--port', '0']);
    try {
      // stderr and stdout are separate pipes: wait for the note rather than assume it came first.
      await until(served.stderr, (t) => t.includes('basic-key'), 'the unusable-secrets note');
      expect(served.stderr()).toContain('6 unusable secret(s)');
      expect(served.stderr()).toContain(`the AppSecret of app app1: ${VARS.appSecret} is not set`);
      expect(served.stderr()).toContain(`the secret of signature key basic-key: ${VARS.basic} is not set`);
      expect(served.stdout()).toContain('apig gateway listening on');
    } finally {
      served.child.kill('SIGTERM');
      await served.exited;
    }
  });

  it('apig lint reports each as unset-secret at the ${VAR} in apig.yaml', async () => {
    const dir = unsetSecretsWorkspace();
    const r = await runCli(['lint', dir, '-f', 'json', '--rule', 'unset-secret=error']);
    expect(r.code).toBe(1);
    const findings = (
      JSON.parse(r.stdout) as {
        results: Array<{
          code: string;
          severity: string;
          source: string;
          path: string;
          message: string;
          range: { start: { line: number; character: number } };
        }>;
      }
    ).results.filter((f) => f.code === 'unset-secret');
    expect(findings.map((f) => f.path)).toEqual([
      '/apps/0/secret',
      '/apps/0/appCodes/0',
      '/iam/tokens/0/token',
      '/iam/aksk/0/sk',
      '/signatureKeys/0/secret',
      '/signatureKeys/1/secret',
    ]);
    expect(findings[0]).toMatchObject({ severity: 'error', source: join(dir, 'apig.yaml') });
    expect(findings[0]?.message).toContain(`the AppSecret of app app1: ${VARS.appSecret} is not set`);
    // The position is the "${VAR}" itself in apig.yaml.
    const lines = readFileSync(join(dir, 'apig.yaml'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes(VARS.appSecret));
    expect(findings[0]?.range.start).toEqual({ line: at, character: lines[at]?.indexOf(`"\${${VARS.appSecret}}"`) });
    const stylish = await runCli(['lint', dir]);
    expect(stylish.stdout).toContain(
      `apig.yaml:${at + 1}:${(lines[at]?.indexOf('"${') ?? 0) + 1}  warn   the AppSecret of app app1: ${VARS.appSecret} is not set; it matches no credential  unset-secret`,
    );
  });

  it('apig sign --app refuses an app whose secret is unset (exit 2), naming the variable', async () => {
    const dir = unsetSecretsWorkspace();
    const r = await runCli(['sign', '--app', 'app1', '-w', dir, 'http://127.0.0.1:9/app']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the secret of app app1 is unset: set ${VARS.appSecret}, or pass --secret`);
  });
});
