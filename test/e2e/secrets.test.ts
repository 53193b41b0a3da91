/**
 * Secrets never appear in output: app secrets, AppCodes, AK/SK, tokens and signature-key secrets from the
 * workspace (given through environment variables) are grepped for in everything each command prints.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const SECRETS = {
  APP1_SECRET: 'sEcReT-app1-9f8e7d6c5b4a39281706',
  APP1_APPCODE: 'aPpCoDe-0123456789abcdef0123456789abcdef',
};

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-secrets-'));
  cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
  return dir;
}

function expectClean(text: string, what: string): void {
  for (const [name, value] of Object.entries(SECRETS)) {
    expect(text.includes(value), `${what} printed ${name}`).toBe(false);
    // Not even a long fragment of it (masking shows at most a few characters).
    expect(text.includes(value.slice(0, 12)), `${what} printed part of ${name}`).toBe(false);
  }
}

describe('secrets never appear in output', () => {
  const env = { ...SECRETS };
  const commands: Array<[string, string[]]> = [
    ['sign --debug', ['sign', '--app', 'app1', '-w', '.', '--debug', '--date', '20240315T083000Z', 'https://demo.example.com/v1/users/1']],
    ['sign --json', ['sign', '--app', 'app1', '-w', '.', '--json', '-X', 'POST', '-d', '{"a":1}', 'https://demo.example.com/v1/users/1']],
    ['sign (headers)', ['sign', '--app', 'app1', '-w', '.', 'https://demo.example.com/v1/users/1']],
    ['sign --appcode', ['sign', '--appcode', SECRETS.APP1_APPCODE, '--debug', 'https://demo.example.com/v1/users/1']],
    ['sign bad URL', ['sign', '--app', 'app1', '-w', '.', 'not a url']],
    ['export', ['export', '--scope', 'extended']],
    ['export --check', ['export', '--check']],
    ['lint json', ['lint', '-f', 'json']],
    ['lint sarif', ['lint', '-f', 'sarif']],
  ];

  it.each(commands)('%s', async (what, args) => {
    const dir = workspace();
    const r = await runCli(args, { cwd: dir, env });
    expectClean(r.stdout + r.stderr, what);
  });

  it('files written by export and import hold no secret', async () => {
    const dir = workspace();
    await runCli(['export', '-o', 'out.yaml'], { cwd: dir, env });
    await runCli(['import', join(ROOT, 'fixtures/examples/otc-four-backends.yaml'), '--group', 'other'], { cwd: dir, env });
    for (const f of readdirSync(dir)) expectClean(readFileSync(join(dir, f), 'utf8').replace(/\$\{APP1_[A-Z]+\}/g, ''), f);
  });

  it('a secret written literally in apig.yaml is not echoed in errors about that file', async () => {
    const dir = workspace();
    const text = readFileSync(join(dir, 'apig.yaml'), 'utf8').replace('${APP1_SECRET}', SECRETS.APP1_SECRET).replace('instance:', 'instance:\n  bogus_key: 1');
    writeFileSync(join(dir, 'apig.yaml'), text);
    const r = await runCli(['lint'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expectClean(r.stdout + r.stderr, 'lint with a bad apig.yaml');
  });
});

describe('apig serve binding', () => {
  it('warns when listening beyond loopback', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./run-cli.js');
    const child = spawn(process.execPath, [BIN, 'serve', 'fixtures/hardening', '--host', '0.0.0.0', '--port', '0'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let err = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        if (err.includes('other machines can reach')) resolve();
      });
      child.on('close', () => resolve());
    });
    if (child.exitCode === null && child.signalCode === null) {
      const closed = new Promise((r) => child.on('close', r));
      child.kill('SIGTERM');
      await closed;
    }
    expect(err).toContain('listening on 0.0.0.0: other machines can reach this emulator');
  });
});
