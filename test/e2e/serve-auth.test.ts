/**
 * Every authentication mode of `apig serve` with its success and each failure, the documented code, message
 * detail and status (fixtures/serve/auth; real servers on port 0; a virtual clock, never timing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSdkDate } from '../../src/sign/index.js';
import { APP1, APP2, T0, authGateway, signedHeaders, type AuthGateway } from './serve-auth-kit.js';
import { call } from './serve-helpers.js';

let gw: AuthGateway;
beforeAll(async () => {
  gw = await authGateway();
});
afterAll(async () => {
  await gw.close();
});

const body = (r: { json<T>(): T }) => r.json<{ error_code: string; error_msg: string; request_id: string }>();
const lastEcho = () => gw.echo.seen.at(-1);

describe('no authentication', () => {
  it('passes the request through', async () => {
    const r = await call(`${gw.url}/none`, { headers: { Authorization: 'whatever' } });
    expect(r.status).toBe(200);
    expect(lastEcho()?.headers.authorization).toBe('whatever');
  });
});

describe('APP signature (SDK-HMAC-SHA256)', () => {
  it('accepts a signed request and names the app to the backend', async () => {
    const url = `${gw.url}/app?b=2&a=1`;
    const r = await call(url, { headers: signedHeaders(url, APP1, T0) });
    expect(r.status).toBe(200);
    expect(lastEcho()?.headers['x-app-id']).toBe('app1-id');
    expect(lastEcho()?.headers['x-app-name']).toBe('app1');
  });

  it('accepts a signed body, and the backend receives the same bytes', async () => {
    const url = `${gw.url}/app/items`;
    const payload = JSON.stringify({ name: 'widget', n: 3 });
    const headers = signedHeaders(url, APP1, T0, {
      method: 'POST',
      body: payload,
      headers: { 'Content-Type': 'application/json' },
    });
    const r = await call(url, { method: 'POST', headers, body: payload });
    expect(r.status).toBe(200);
    expect(lastEcho()?.body).toBe(payload);
  });

  it('unknown key: 401 APIG.0303 app not found, appkey …', async () => {
    const url = `${gw.url}/app`;
    const r = await call(url, { headers: signedHeaders(url, { key: 'nokey', secret: 'x' }, T0) });
    expect(r.status).toBe(401);
    expect(body(r)).toMatchObject({
      error_code: 'APIG.0303',
      error_msg: 'Incorrect app authentication information: app not found, appkey nokey',
    });
  });

  it('bad signature: 401 with the gateway canonical request joined by |', async () => {
    const url = `${gw.url}/app?a=1`;
    const headers = signedHeaders(url, APP1, T0);
    const r = await call(`${gw.url}/app?a=2`, { headers });
    expect(r.status).toBe(401);
    const host = new URL(gw.url).host;
    expect(body(r).error_msg).toBe(
      `Incorrect app authentication information: verify signature fail, canonicalRequest:GET|/app/|a=2|host:${host}|x-sdk-date:${formatSdkDate(new Date(T0))}||host;x-sdk-date|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`,
    );
    expect(body(r).error_msg).not.toContain(APP1.secret);
  });

  it('a date 15 minutes off is accepted; beyond, either way, signature expired', async () => {
    const url = `${gw.url}/app`;
    expect((await call(url, { headers: signedHeaders(url, APP1, T0 - 15 * 60_000) })).status).toBe(200);
    for (const skew of [-(15 * 60_000 + 1000), 15 * 60_000 + 1000]) {
      const r = await call(url, { headers: signedHeaders(url, APP1, T0 + skew) });
      expect(r.status).toBe(401);
      expect(body(r).error_msg).toBe(
        `Incorrect app authentication information: signature expired, signature time:${formatSdkDate(new Date(T0 + skew))},server time:${formatSdkDate(new Date(T0))}`,
      );
    }
  });

  it('x-sdk-date not among the signed headers: 401', async () => {
    const url = `${gw.url}/app`;
    const r = await call(url, { headers: signedHeaders(url, APP1, T0, { signedHeaders: ['host'] }) });
    expect(r.status).toBe(401);
    expect(body(r)).toMatchObject({
      error_code: 'APIG.0303',
      error_msg: 'Incorrect app authentication information: x-sdk-date must be signed',
    });
  });

  it('no credentials at all: 401 APIG.0303 through the identity-source-missing response', async () => {
    const r = await call(`${gw.url}/app`);
    expect(r.status).toBe(401);
    expect(body(r).error_code).toBe('APIG.0303');
  });

  it('an app not authorized in the environment: APIG.0304 (401, "unauthorized credential", ruling 1); authorized in TEST', async () => {
    const url = `${gw.url}/app`;
    const r = await call(url, { headers: signedHeaders(url, APP2, T0) });
    expect(r.status).toBe(401);
    expect(body(r)).toMatchObject({
      error_code: 'APIG.0304',
      error_msg: 'The app is not authorized to access the API.',
    });
    const ok = await call(url, { headers: { ...signedHeaders(url, APP2, T0, { headers: { 'X-Stage': 'TEST' } }) } });
    expect(ok.status).toBe(200);
  });
});

describe('lenient signatures (--lenient-signatures)', () => {
  // The core-nodejs client does not decode the path before encoding it (signing.md §4.8 b): every % becomes %25.
  it('a core-nodejs style signature of an escaped path fails strictly, passes leniently and says which variant', async () => {
    const { createHash, createHmac } = await import('node:crypto');
    const target = '/app/a%20b';
    const date = formatSdkDate(new Date(T0));
    const sign = (url: string): Record<string, string> => {
      const host = new URL(url).host;
      const cr = [
        'GET',
        '/app/a%2520b/',
        '',
        `host:${host}`,
        `x-sdk-date:${date}`,
        '',
        'host;x-sdk-date',
        createHash('sha256').update('').digest('hex'),
      ].join('\n');
      const sts = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(cr).digest('hex')}`;
      const sig = createHmac('sha256', APP1.secret).update(sts).digest('hex');
      return {
        'X-Sdk-Date': date,
        Authorization: `SDK-HMAC-SHA256 Access=${APP1.key}, SignedHeaders=host;x-sdk-date, Signature=${sig}`,
      };
    };
    expect((await call(`${gw.url}${target}`, { headers: sign(gw.url) })).status).toBe(401);
    const lenient = await authGateway({ lenientSignatures: true });
    try {
      const r = await call(`${lenient.url}${target}`, {
        headers: { ...sign(lenient.url), 'X-Apig-Emulator-Trace': '1' },
      });
      expect(r.status).toBe(200);
      expect(String(r.headers['x-apig-emulator-trace'])).toContain('client variant core-nodejs');
    } finally {
      await lenient.close();
    }
  });
});

describe('AppCode, app_secret and app_basic', () => {
  it('X-Apig-AppCode on an API that enables simple auth', async () => {
    expect((await call(`${gw.url}/app`, { headers: { 'X-Apig-AppCode': 'app1-appcode-value' } })).status).toBe(200);
    const r = await call(`${gw.url}/app`, { headers: { 'X-Apig-AppCode': 'wrong-code' } });
    expect(r.status).toBe(401);
    expect(body(r).error_code).toBe('APIG.0303');
    expect(r.text).not.toContain('wrong-code');
  });

  it('X-Apig-AppCode is not simple auth where the API does not enable it', async () => {
    const r = await call(`${gw.url}/throttled`, { headers: { 'X-Apig-AppCode': 'app1-appcode-value' } });
    expect(r.status).toBe(401);
  });

  it('app_secret: X-HW-ID and X-HW-AppKey; a wrong secret is APIG.1009', async () => {
    expect((await call(`${gw.url}/app`, { headers: { 'X-HW-ID': APP1.key, 'X-HW-AppKey': APP1.secret } })).status).toBe(
      200,
    );
    const wrong = await call(`${gw.url}/app`, { headers: { 'X-HW-ID': APP1.key, 'X-HW-AppKey': 'nope' } });
    expect(wrong.status).toBe(401);
    expect(body(wrong)).toMatchObject({ error_code: 'APIG.1009', error_msg: 'AppKey or AppSecret is invalid' });
    const unknown = await call(`${gw.url}/app`, { headers: { 'X-HW-ID': 'nobody', 'X-HW-AppKey': 'x' } });
    expect(body(unknown).error_msg).toBe('Incorrect app authentication information: app not found, appkey nobody');
  });

  it('app_basic: Authorization: Basic base64(key:secret), with or without the space', async () => {
    const b64 = Buffer.from(`${APP1.key}:${APP1.secret}`).toString('base64');
    expect((await call(`${gw.url}/app`, { headers: { Authorization: `Basic ${b64}` } })).status).toBe(200);
    expect((await call(`${gw.url}/app`, { headers: { Authorization: `Basic${b64}` } })).status).toBe(200);
    const bad = Buffer.from(`${APP1.key}:wrong`).toString('base64');
    expect(body(await call(`${gw.url}/app`, { headers: { Authorization: `Basic ${bad}` } })).error_code).toBe(
      'APIG.1009',
    );
  });

  it('both instance options off: the headers are not credentials', async () => {
    const off = await authGateway({
      adjust: (ws) => {
        ws.instance.app_secret = false;
        ws.instance.app_basic = false;
      },
    });
    try {
      expect(
        (await call(`${off.url}/app`, { headers: { 'X-HW-ID': APP1.key, 'X-HW-AppKey': APP1.secret } })).status,
      ).toBe(401);
      const b64 = Buffer.from(`${APP1.key}:${APP1.secret}`).toString('base64');
      expect((await call(`${off.url}/app`, { headers: { Authorization: `Basic ${b64}` } })).status).toBe(401);
    } finally {
      await off.close();
    }
  });
});

describe('IAM', () => {
  it('X-Auth-Token: a declared token passes; unknown is decrypt token fail; expired is APIG.0307', async () => {
    expect((await call(`${gw.url}/iam`, { headers: { 'X-Auth-Token': 'token-alice-value' } })).status).toBe(200);
    const unknown = await call(`${gw.url}/iam`, { headers: { 'X-Auth-Token': 'forged' } });
    expect(unknown.status).toBe(401);
    expect(body(unknown)).toMatchObject({
      error_code: 'APIG.0301',
      error_msg: 'Incorrect IAM authentication information: decrypt token fail',
    });
    const old = await call(`${gw.url}/iam`, { headers: { 'X-Auth-Token': 'token-old-value' } });
    expect(old.status).toBe(401);
    expect(body(old)).toMatchObject({ error_code: 'APIG.0307', error_msg: 'The token must be updated.' });
  });

  it('AK/SK: signed passes; unknown AK; 5 consecutive failures lock the AK for 5 minutes', async () => {
    const url = `${gw.url}/iam`;
    const good = { key: 'AKALICE', secret: 'sk-alice-value' };
    expect((await call(url, { headers: signedHeaders(url, good, gw.clock.now()) })).status).toBe(200);
    const unknown = await call(url, { headers: signedHeaders(url, { key: 'AKNOBODY', secret: 'x' }, gw.clock.now()) });
    expect(body(unknown).error_msg).toBe(
      'Incorrect IAM authentication information: Get secretKey failed,ak:AKNOBODY,err:ak not exist',
    );
    for (let i = 0; i < 5; i++) {
      const bad = await call(url, { headers: signedHeaders(url, { key: 'AKALICE', secret: 'wrong' }, gw.clock.now()) });
      expect(body(bad).error_msg).toMatch(
        /^Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET\|\/iam\/\|/,
      );
    }
    const locked = await call(url, { headers: signedHeaders(url, good, gw.clock.now()) });
    expect(locked.status).toBe(401);
    expect(body(locked).error_msg).toBe(
      'Incorrect IAM authentication information: AK access failed to reach the limit, forbidden.',
    );
    gw.clock.advance(5 * 60_000);
    expect((await call(url, { headers: signedHeaders(url, good, gw.clock.now()) })).status).toBe(200);
    gw.clock.set(T0);
  });

  it('no credentials: 401 APIG.0301', async () => {
    const r = await call(`${gw.url}/iam`);
    expect(r.status).toBe(401);
    expect(body(r).error_code).toBe('APIG.0301');
  });
});

interface AuthorizerEvent {
  headers: Record<string, string>;
  queryStringParameters: Record<string, string>;
  user_data: string;
  requestContext: Record<string, string>;
  httpMethod: string;
}
const authorizerCalls = (): AuthorizerEvent[] =>
  (globalThis as { __apigTokenAuthorizer?: AuthorizerEvent[] }).__apigTokenAuthorizer ?? [];

describe('front-end custom authorizer (local module)', () => {
  it('allow: the documented event, and the context reaches the backend as $context.authorizer.frontend.*', async () => {
    const r = await call(`${gw.url}/custom?test=q1&other=x`, { headers: { token: 'gold', 'X-Mixed-Case': 'v' } });
    expect(r.status).toBe(200);
    expect(lastEcho()?.headers['x-user-name']).toBe('user1');
    const event = authorizerCalls().at(-1) as AuthorizerEvent;
    expect(event.headers['x-mixed-case']).toBe('v');
    expect(Object.keys(event.headers).every((k) => k === k.toLowerCase())).toBe(true);
    expect(event.queryStringParameters).toEqual({ test: 'q1', other: 'x' });
    expect(event.user_data).toBe('from-apig');
    expect(event.httpMethod).toBe('GET');
    expect(event.requestContext.requestId).toBe(r.headers['x-request-id']);
  });

  it('caches the result for ttl seconds, keyed by the identity sources', async () => {
    const first = await call(`${gw.url}/custom?test=cache1`, { headers: { token: 'silver' } });
    const calls = lastEcho()?.headers['x-authz-calls'];
    const before = authorizerCalls().length;
    await call(`${gw.url}/custom?test=cache1&noise=1`, { headers: { token: 'silver' } });
    expect(authorizerCalls().length).toBe(before);
    expect(lastEcho()?.headers['x-authz-calls']).toBe(calls);
    await call(`${gw.url}/custom?test=cache2`, { headers: { token: 'silver' } });
    expect(authorizerCalls().length).toBe(before + 1);
    gw.clock.advance(30_000);
    await call(`${gw.url}/custom?test=cache1`, { headers: { token: 'silver' } });
    expect(authorizerCalls().length).toBe(before + 2);
    gw.clock.set(T0);
    expect(first.status).toBe(200);
  });

  it('a missing identity source: 401 without calling the authorizer', async () => {
    const before = authorizerCalls().length;
    const r = await call(`${gw.url}/custom`, { headers: { token: 'gold' } });
    expect(r.status).toBe(401);
    expect(body(r).error_code).toBe('APIG.0305');
    expect(authorizerCalls().length).toBe(before);
  });

  it('deny: the custom gateway response renders the deny context (004 ch.3)', async () => {
    const r = await call(`${gw.url}/custom?test=d`, { headers: { token: 'bad' } });
    expect(r.status).toBe(401);
    expect(r.json()).toEqual({ code: '1001', message: 'incorrect username or password' });
  });

  it('deny with the default response: 500 APIG.0305 frontend authorizer', async () => {
    const r = await call(`${gw.url}/policy?test=d`, { headers: { token: 'bad' } });
    expect(r.status).toBe(500);
    expect(body(r)).toMatchObject({
      error_code: 'APIG.0305',
      error_msg: 'Incorrect authentication information: frontend authorizer',
    });
  });

  it('non-string context values break the string-only rule unless authorizer_context_support_num_bool', async () => {
    const r = await call(`${gw.url}/policy?test=n`, { headers: { token: 'numbers' } });
    expect(r.status).toBe(500);
    expect(
      gw.events.some((e) => e.type === 'request' && e.detail?.includes('authorizer_context_support_num_bool')),
    ).toBe(true);
    const numBool = await authGateway({
      adjust: (ws) => {
        ws.instance.authorizer_context_support_num_bool = true;
      },
    });
    try {
      const ok = await call(`${numBool.url}/policy?test=n`, { headers: { token: 'numbers' } });
      expect(ok.status).toBe(200);
      expect(ok.text).toBe('gold');
    } finally {
      await numBool.close();
    }
  });

  it('an authorizer that throws: 500 through the configuration-error response', async () => {
    const r = await call(`${gw.url}/custom?test=t`, { headers: { token: 'throw' } });
    expect(r.status).toBe(500);
    expect(body(r).error_code).toBe('APIG.0305');
  });
});

describe('front-end custom authorizer (local HTTP URL)', () => {
  it('POSTs the event; allow and deny', async () => {
    expect((await call(`${gw.url}/url-auth`, { headers: { 'X-Key': 'open' } })).status).toBe(200);
    expect((gw.urlAuthorizer.calls.at(-1) as AuthorizerEvent).headers['x-key']).toBe('open');
    expect((await call(`${gw.url}/url-auth`, { headers: { 'X-Key': 'shut' } })).status).toBe(500);
    expect((await call(`${gw.url}/url-auth`)).status).toBe(401);
  });
});

describe('back-end custom authorizer', () => {
  it('its context reaches the backend as $context.authorizer.backend.*; deny answers APIG.0305', async () => {
    expect((await call(`${gw.url}/backend-authz`)).status).toBe(200);
    expect(lastEcho()?.headers['x-backend-token']).toBe('bt-1');
    const r = await call(`${gw.url}/backend-authz`, { headers: { 'X-Backend-Deny': '1' } });
    expect(body(r)).toMatchObject({
      error_code: 'APIG.0305',
      error_msg: 'Incorrect authentication information: backend authorizer',
    });
  });
});

describe('dual authentication', () => {
  it('APP signature then the authorizer: both needed', async () => {
    const url = `${gw.url}/dual?test=x`;
    expect((await call(url, { headers: signedHeaders(url, APP1, T0, { headers: { token: 'gold' } }) })).status).toBe(
      200,
    );
    expect((await call(url, { headers: signedHeaders(url, APP1, T0, { headers: { token: 'bad' } }) })).status).toBe(
      500,
    );
    expect((await call(url, { headers: { token: 'gold' } })).status).toBe(401);
  });

  it('IAM token then the authorizer', async () => {
    expect(
      (await call(`${gw.url}/dual-iam?test=x`, { headers: { 'X-Auth-Token': 'token-alice-value', token: 'gold' } }))
        .status,
    ).toBe(200);
    expect((await call(`${gw.url}/dual-iam?test=x`, { headers: { token: 'gold' } })).status).toBe(401);
  });
});

describe('secrets', () => {
  it('never appear in logs or traces', async () => {
    const url = `${gw.url}/app`;
    await call(url, { headers: { ...signedHeaders(url, APP1, T0), 'X-Apig-Emulator-Trace': '1' } });
    await call(url, { headers: { 'X-HW-ID': APP1.key, 'X-HW-AppKey': APP1.secret, 'X-Apig-Emulator-Trace': '1' } });
    await call(url, { headers: { 'X-Apig-AppCode': 'app1-appcode-value', 'X-Apig-Emulator-Trace': '1' } });
    await call(`${gw.url}/iam`, { headers: { 'X-Auth-Token': 'token-alice-value', 'X-Apig-Emulator-Trace': '1' } });
    await call(`${gw.url}/signed-basic`, { headers: { 'X-Apig-Emulator-Trace': '1' } });
    const logged = JSON.stringify(gw.events);
    for (const secret of [
      APP1.secret,
      'app1-appcode-value',
      'token-alice-value',
      'sk-alice-value',
      'gw-password-value',
      'gw-secret-value',
    ])
      expect(logged).not.toContain(secret);
  });
});
