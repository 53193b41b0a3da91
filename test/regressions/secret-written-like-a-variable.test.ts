/**
 * Regression (issue 12 follow-up, "Unset secrets"): only a whole `${NAME}` is read from the environment; any
 * other spelling of a reference (`$APP1_SECRET`, `${ APP1_SECRET }`, `prefix-${X}`, `${X:-default}`) was kept
 * as the literal secret. The user meant a variable and got a credential that anyone who can read apig.yaml
 * knows: signing with the text `$APP1_SECRET` authenticated, and `X-Apig-AppCode: ${ APP1_CODE }` passed.
 * Right: a secret written like a reference that is not one whole `${NAME}` is unusable, like an unset one: it
 * matches no credential, `apig serve` names it at start-up (`--strict` refuses to start), `apig lint` reports it
 * as unset-secret, and `apig sign --app` refuses it.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, prepare, type Launched } from '../../src/gateway/index.js';
import { signRequest } from '../../src/sign/index.js';
import { ROOT, runCli } from '../e2e/run-cli.js';
import { raw, statusOf } from '../e2e/serve-helpers.js';

/** What apig.yaml says, literally: the texts an attacker reading it would try. */
const WRITTEN = {
  secret: '$APP1_SECRET',
  appCode: '${ APP1_APPCODE }',
  sk: 'sk-${ALICE_SK}',
  token: '${ALICE_TOKEN:-token-default}',
};

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-secret-spelling-'));
  cpSync(join(ROOT, 'fixtures/serve/auth'), dir, { recursive: true });
  const file = join(dir, 'apig.yaml');
  const text = readFileSync(file, 'utf8')
    .replace('secret: app1-secret-value', `secret: "${WRITTEN.secret}"`)
    .replace('appCodes: [app1-appcode-value]', `appCodes: ["${WRITTEN.appCode}"]`)
    .replace('sk: sk-alice-value', `sk: "${WRITTEN.sk}"`)
    .replace('token: token-alice-value', `token: "${WRITTEN.token}"`);
  for (const w of Object.values(WRITTEN)) if (!text.includes(w)) throw new Error(`fixture changed: ${w} not placed`);
  writeFileSync(file, text);
  return dir;
}

// The variables are set: the user meant them, but apig never reads them in these spellings.
const ENV = { APP1_SECRET: 'the-real-secret', APP1_APPCODE: 'the-real-appcode', ALICE_SK: 'x', ALICE_TOKEN: 'y' };

describe('apig serve', () => {
  let launched: Launched;
  let port: number;
  beforeAll(async () => {
    const prepared = await prepare({ path: workspace(), cwd: ROOT, env: ENV, protocolCheck: false });
    if (!prepared.config) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
    launched = await launch(prepared.config, { host: '127.0.0.1', port: 0, healthTimers: false });
    port = Number(new URL(launched.server.urls[0] as string).port);
  });
  afterAll(async () => {
    await launched.close(1000);
  });

  const send = async (target: string, headers: Record<string, string>): Promise<number> => {
    const head = Object.entries({ Host: `127.0.0.1:${port}`, ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    return statusOf(await raw(port, `GET ${target} HTTP/1.1\r\n${head}Connection: close\r\n\r\n`));
  };
  const signedWith = (target: string, key: string, secret: string): Record<string, string> =>
    Object.fromEntries(signRequest({ method: 'GET', url: `http://127.0.0.1:${port}${target}`, key, secret }).headers);

  it.each([
    ['an APP signature made with the literal text', '/app', () => signedWith('/app', 'app1-key', WRITTEN.secret)],
    [
      'X-HW-ID with the literal text as X-HW-AppKey',
      '/app',
      () => ({ 'X-HW-ID': 'app1-key', 'X-HW-AppKey': WRITTEN.secret }),
    ],
    ['the literal AppCode', '/app', () => ({ 'X-Apig-AppCode': WRITTEN.appCode })],
    ['an AK/SK signature made with the literal text', '/iam', () => signedWith('/iam', 'AKALICE', WRITTEN.sk)],
    ['the literal token', '/iam', () => ({ 'X-Auth-Token': WRITTEN.token })],
  ])('%s is refused with 401', async (_name, target, headers) => {
    expect(await send(target, headers())).toBe(401);
  });
});

describe('the CLI', () => {
  it('apig serve --strict refuses to start and says what is wrong, never the value', async () => {
    const r = await runCli(['serve', workspace(), '--port', '0', '--strict'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'the AppSecret of app app1: it is written like an environment variable but not as one whole ${NAME}',
    );
    expect(r.stderr).toContain('AppCode 1 of app app1: it is written like an environment variable');
    expect(r.stderr).not.toContain('the-real-secret');
  });

  it('apig lint reports them as unset-secret; apig sign --app refuses', async () => {
    const dir = workspace();
    const lint = await runCli(['lint', dir, '-f', 'json'], { env: ENV });
    const found = (JSON.parse(lint.stdout) as { results: Array<{ code: string; message: string }> }).results.filter(
      (f) => f.code === 'unset-secret',
    );
    expect(found.map((f) => f.message.split(':')[0])).toEqual([
      'the AppSecret of app app1',
      'AppCode 1 of app app1',
      'the token of IAM user alice',
      'the SK of IAM AK AKALICE',
    ]);
    const sign = await runCli(['sign', '-w', join(dir, 'apig.yaml'), '--app', 'app1', 'http://127.0.0.1:1/app'], {
      env: ENV,
    });
    expect(sign.code).toBe(2);
    expect(sign.stderr).toContain('write the reference as one whole ${NAME}, or pass --secret');
  });
});
