/**
 * APP authentication (002 §6.3.1; 003 为API请求添加认证信息; practices.md §5.6), tried in this order:
 * - simple auth: `X-Apig-AppCode` when the API enables it (x-apigateway-auth-opt appcode-auth-type: header);
 *   the gateway checks only the AppCode. HTTPS only: enforced with an HTTPS listener or --strict (ruling 11);
 * - `app_secret` (instance option): `X-HW-ID: <key>` and `X-HW-AppKey: <secret>`;
 * - `app_basic` (instance option): `Authorization: Basic base64(key:secret)`, with or without the space after
 *   `Basic` (003 prints it without; its example has one);
 * - otherwise the SDK-HMAC-SHA256 signature (signing.md §4) with the app's key and secret.
 * Failures: 401 APIG.0303 with the gateway's detail (app not found / verify signature fail, canonicalRequest:… /
 * signature expired…); a known key with a wrong secret in app_secret/app_basic is APIG.1009. Messages never
 * carry a secret or an AppCode. An empty or missing credential matches nothing, and an app whose AppSecret or
 * AppCode is unusable (its `${ENV_VAR}` unset or empty) is matched by nothing (credential.ts).
 */
import type { App } from '../../core/workspace-model.js';
import { secretProblem } from '../../workspace/secrets.js';
import { headerValue, traceStep, type RequestContext } from '../request/context.js';
import { failure, type GatewayFailure } from '../response/errors.js';
import type { Identity } from './identity.js';
import { matchesSecret } from './credential.js';
import { andThen, isFailure, verify, type Verified } from './signed.js';

const appByKey = (ctx: RequestContext, key: string): App | undefined =>
  ctx.config.workspace.apps.find((a) => a.key === key);

function byKeyAndSecret(
  ctx: RequestContext,
  key: string,
  secret: string | undefined,
  via: 'app_secret' | 'app_basic',
): Identity | GatewayFailure {
  const app = appByKey(ctx, key);
  if (!app)
    return failure('APP_AUTH_FAILED', `${via}: no app has the key ${key}`, { suffix: `app not found, appkey ${key}` });
  if (!matchesSecret(app.secret, secret)) return failure('APP_SECRET_INVALID', `${via}: ${secretRefusal(app, secret)}`);
  return { kind: 'app', app, via };
}

/** Why a key-and-secret pair was refused (for the log and trace; never a value). */
function secretRefusal(app: App, given: string | undefined): string {
  const problem = secretProblem(app.secret);
  if (problem !== undefined) return `the AppSecret of app ${app.name} is unusable (${problem}); it matches nothing`;
  return given === undefined || given === ''
    ? `no secret given for app ${app.name}`
    : `the secret given for app ${app.name} is wrong`;
}

/** The AppSecret a signature is checked with; an unusable one is no secret at all (the key is then unknown). */
function signingSecret(ctx: RequestContext, key: string): string | undefined {
  const app = appByKey(ctx, key);
  if (app && app.secret.value === undefined)
    traceStep(
      ctx,
      'authentication',
      `app ${app.name}: its AppSecret is unusable (${secretProblem(app.secret) ?? ''}); no signature matches`,
    );
  return app?.secret.value;
}

export function authenticateApp(ctx: RequestContext): Identity | GatewayFailure | Promise<Identity | GatewayFailure> {
  const ws = ctx.config.workspace;
  const api = ctx.hit?.api;
  const code = headerValue(ctx.headers, 'x-apig-appcode');
  if (code !== undefined && api?.auth.appCode) {
    if (ctx.config.protocolCheck && ctx.scheme !== 'https')
      return failure('PROTOCOL_NOT_SUPPORTED', 'AppCode simple authentication is HTTPS only (User Guide §6.1.4)', {
        arg: 'HTTPS',
      });
    const app = ws.apps.find((a) => a.appCodes.some((c) => matchesSecret(c, code)));
    // [ours] the detail text for an unknown AppCode is not documented.
    return app
      ? { kind: 'app', app, via: 'appcode' }
      : failure('APP_AUTH_FAILED', 'X-Apig-AppCode matches no AppCode of any app', { suffix: 'app code not found' });
  }
  const hwId = headerValue(ctx.headers, 'x-hw-id');
  if (hwId !== undefined && ws.instance.app_secret)
    return byKeyAndSecret(ctx, hwId, headerValue(ctx.headers, 'x-hw-appkey'), 'app_secret');
  const authorization = headerValue(ctx.headers, 'authorization');
  const basic = authorization !== undefined ? /^Basic\s?(\S+)\s*$/i.exec(authorization) : null;
  if (basic && ws.instance.app_basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1)
      return failure('APP_AUTH_FAILED', 'app_basic: the Basic credentials are not base64(key:secret)', {
        suffix: 'invalid basic authorization',
      });
    return byKeyAndSecret(ctx, decoded.slice(0, colon), decoded.slice(colon + 1), 'app_basic');
  }
  return andThen(
    verify(ctx, 'app', (key) => signingSecret(ctx, key)),
    (r) => signatureIdentity(ctx, r),
  );
}

function signatureIdentity(ctx: RequestContext, r: Verified): Identity | GatewayFailure {
  if (isFailure(r)) return r;
  if (!r.ok)
    return failure(
      r.reason === 'missing-authorization' ? 'APP_AUTH_MISSING' : 'APP_AUTH_FAILED',
      `APP signature: ${r.reason}`,
      { suffix: r.detail },
    );
  const app = appByKey(ctx, r.key) as App;
  return { kind: 'app', app, via: 'signature', ...(r.variant ? { variant: r.variant } : {}) };
}
