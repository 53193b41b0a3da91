/**
 * Regression (issue 12, authentication, "unset secrets"): a `${ENV_VAR}` secret whose variable was unset became
 * the empty string, and then empty credentials authenticated: an empty X-Auth-Token, an empty X-Apig-AppCode,
 * an APP or AK/SK signature made with an empty secret, `Basic base64("key:")`, X-HW-ID without X-HW-AppKey;
 * backend calls were signed with an empty signature-key secret. Now an unset (or empty) secret has no value:
 * an empty or missing credential matches nothing, and signing with such a key fails with 500 APIG.0705.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, prepare, type Launched } from '../../src/gateway/index.js';
import { signRequest } from '../../src/sign/index.js';
import { ROOT } from '../e2e/run-cli.js';
import { bodyOf, raw, startBackend, statusOf, type Backend } from '../e2e/serve-helpers.js';
import { unsetSecretsWorkspace, VARS } from './unset-secret-kit.js';

describe('unset secrets authenticate nothing', () => {
  let echo: Backend;
  let launched: Launched;
  let port: number;

  beforeAll(async () => {
    echo = await startBackend('echo');
    // The token's variable is set to the empty string; the others are not set at all.
    const prepared = await prepare({
      path: unsetSecretsWorkspace(),
      cwd: ROOT,
      env: { [VARS.token]: '' },
      protocolCheck: false,
      adjust: (ws) => {
        for (const e of ws.environments) Object.assign(e.variables, { echo: echo.address });
      },
    });
    if (!prepared.config) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
    launched = await launch(prepared.config, { host: '127.0.0.1', port: 0, healthTimers: false });
    port = Number(new URL(launched.server.urls[0] as string).port);
  });

  afterAll(async () => {
    await launched.close(1000);
    await echo.close();
  });

  const send = async (
    target: string,
    headers: Record<string, string>,
    method = 'GET',
  ): Promise<{ status: number; code: unknown }> => {
    const head = Object.entries({ Host: `127.0.0.1:${port}`, ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    const text = await raw(
      port,
      `${method} ${target} HTTP/1.1\r\n${head}Content-Length: 0\r\nConnection: close\r\n\r\n`,
    );
    const status = statusOf(text);
    return { status, code: status === 200 ? undefined : bodyOf(text).error_code };
  };
  const signed = (target: string, key: string, method = 'GET'): Record<string, string> =>
    Object.fromEntries(signRequest({ method, url: `http://127.0.0.1:${port}${target}`, key, secret: '' }).headers);

  it.each([
    ['an empty X-Auth-Token (the token variable set to "")', '/iam', { 'X-Auth-Token': '' }, 401, 'APIG.0301'],
    ['an empty X-Apig-AppCode', '/app', { 'X-Apig-AppCode': '' }, 401, 'APIG.0303'],
    ['X-HW-ID without X-HW-AppKey', '/app', { 'X-HW-ID': 'app1-key' }, 401, 'APIG.1009'],
    ['X-HW-ID with an empty X-HW-AppKey', '/app', { 'X-HW-ID': 'app1-key', 'X-HW-AppKey': '' }, 401, 'APIG.1009'],
    [
      'Basic base64("key:")',
      '/app',
      { Authorization: `Basic ${Buffer.from('app1-key:').toString('base64')}` },
      401,
      'APIG.1009',
    ],
  ])('%s is refused', async (_what, target, headers, status, code) => {
    expect(await send(target, headers)).toEqual({ status, code });
  });

  it('an APP signature made with an empty AppSecret is refused', async () => {
    expect(await send('/app', signed('/app', 'app1-key'))).toEqual({ status: 401, code: 'APIG.0303' });
  });

  it('an AK/SK signature made with an empty SK is refused', async () => {
    expect(await send('/iam', signed('/iam', 'AKALICE'))).toEqual({ status: 401, code: 'APIG.0301' });
  });

  it('backend signing with an unset signature-key secret fails loudly (hmac and basic)', async () => {
    const before = echo.seen.length;
    expect(await send('/signed-hmac', {}, 'POST')).toEqual({ status: 500, code: 'APIG.0705' });
    expect(await send('/signed-basic', {})).toEqual({ status: 500, code: 'APIG.0705' });
    expect(echo.seen.length).toBe(before);
  });

  it('the other apps, with their secrets written out, still authenticate', async () => {
    const headers = Object.fromEntries(
      signRequest({ method: 'GET', url: `http://127.0.0.1:${port}/app`, key: 'vip-key', secret: 'vip-secret-value' })
        .headers,
    );
    expect(await send('/app', headers)).toEqual({ status: 200, code: undefined });
  });
});
