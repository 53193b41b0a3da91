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
    [
      'sign --debug',
      [
        'sign',
        '--app',
        'app1',
        '-w',
        '.',
        '--debug',
        '--date',
        '20240315T083000Z',
        'https://demo.example.com/v1/users/1',
      ],
    ],
    [
      'sign --json',
      [
        'sign',
        '--app',
        'app1',
        '-w',
        '.',
        '--json',
        '-X',
        'POST',
        '-d',
        '{"a":1}',
        'https://demo.example.com/v1/users/1',
      ],
    ],
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
    await runCli(['import', join(ROOT, 'fixtures/examples/otc-four-backends.yaml'), '--group', 'other'], {
      cwd: dir,
      env,
    });
    for (const f of readdirSync(dir))
      expectClean(readFileSync(join(dir, f), 'utf8').replace(/\$\{APP1_[A-Z]+\}/g, ''), f);
  });

  it('a secret written literally in apig.yaml is not echoed in errors about that file', async () => {
    const dir = workspace();
    const text = readFileSync(join(dir, 'apig.yaml'), 'utf8')
      .replace('${APP1_SECRET}', SECRETS.APP1_SECRET)
      .replace('instance:', 'instance:\n  bogus_key: 1');
    writeFileSync(join(dir, 'apig.yaml'), text);
    const r = await runCli(['lint'], { cwd: dir, env: {} });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('workspace-schema');
    expectClean(r.stdout + r.stderr, 'lint with a bad apig.yaml');
  });
});

describe('apig serve binding', () => {
  it('warns when listening beyond loopback', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./run-cli.js');
    const child = spawn(process.execPath, [BIN, 'serve', 'fixtures/hardening', '--host', '0.0.0.0', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
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

/**
 * Every kind of secret at once: fixtures/serve/auth holds app secrets, an AppCode, IAM tokens, an AK/SK pair
 * and signature-key secrets (hmac and basic), written literally. Each command's whole output, the serve
 * binary's request log with --trace, and the trace header a request can ask for are grepped.
 */
describe('secrets of every kind never appear in output', () => {
  const KINDS = {
    'app secret': 'app1-secret-value',
    AppCode: 'app1-appcode-value',
    token: 'token-alice-value',
    SK: 'sk-alice-value',
    'hmac signature key': 'gw-secret-value',
    'basic signature key': 'gw-password-value',
  };
  const clean = (text: string, what: string): void => {
    for (const [kind, value] of Object.entries(KINDS))
      expect(text.includes(value), `${what} printed the ${kind}`).toBe(false);
  };
  const ws = join(ROOT, 'fixtures/serve/auth');
  const url = 'http://127.0.0.1:9/app';
  const commands: Array<[string, string[]]> = [
    ['export', ['export', ws, '--scope', 'extended']],
    ['lint json', ['lint', ws, '-f', 'json']],
    ['sign --app --json', ['sign', '--app', 'app1', '-w', ws, '--json', url]],
    ['sign --app --debug', ['sign', '--app', 'app1', '-w', ws, '--debug', url]],
    ['sign AK/SK --debug', ['sign', '--key', 'AKALICE', '--secret', KINDS.SK, '--debug', url]],
    ['sign --token --json', ['sign', '--token', KINDS.token, '--json', url]],
    ['sign --basic --debug', ['sign', '--app', 'app1', '-w', ws, '--basic', '--debug', url]],
    ['sign --app-secret-headers --json', ['sign', '--app', 'app1', '-w', ws, '--app-secret-headers', '--json', url]],
    ['sign --appcode --debug', ['sign', '--appcode', KINDS.AppCode, '--debug', url]],
    ['sign --send failure --json', ['sign', '--token', KINDS.token, '--send', '--json', url]],
  ];

  it.each(commands)('%s', async (what, args) => {
    const r = await runCli(args);
    clean(r.stdout + r.stderr, what);
  });

  it('apig serve --trace: the request log and the trace header', async () => {
    const { spawnServe, until } = await import('./serve-helpers.js');
    const { signRequest } = await import('../../src/sign/index.js');
    const server = await spawnServe([ws, '-p', '0', '--trace', '--log-format', 'json']);
    try {
      const target = `${server.url}/app`;
      const signed = signRequest({ method: 'GET', url: target, key: 'app1-key', secret: KINDS['app secret'] });
      const calls: Array<Record<string, string>> = [
        { ...Object.fromEntries(signed.headers), 'X-Apig-Emulator-Trace': '1' },
        { 'X-Apig-AppCode': KINDS.AppCode, 'X-Apig-Emulator-Trace': '1' },
        { 'X-Auth-Token': KINDS.token, 'X-Apig-Emulator-Trace': '1' },
      ];
      let headers = '';
      for (const h of calls) {
        const res = await fetch(target, { headers: h });
        await res.arrayBuffer();
        headers += JSON.stringify([...res.headers]);
      }
      await until(
        server.stderr,
        (t) => (t.match(/"type":"request"/g) ?? []).length >= calls.length,
        'three request lines',
      );
      clean(headers, 'the trace header');
      clean(server.stdout() + server.stderr(), 'the serve log');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
