/**
 * IAM authentication offline (ruling 7): tokens and AK/SK pairs are declared in apig.yaml `iam`.
 * - `X-Auth-Token`: a declared token (compared in constant time); unknown → 401 APIG.0301 `decrypt token fail`
 *   (000 §4.7); past its `expires` → 401 APIG.0307 "The token must be updated.".
 * - otherwise SDK-HMAC-SHA256 with a declared AK/SK: unknown AK → `Get secretKey failed,ak:…,err:ak not exist`,
 *   mismatch → `verify aksk signature fail, canonicalRequest:…`; 5 consecutive failures lock the AK for 5
 *   minutes: `AK access failed to reach the limit, forbidden.` (000 §4.7; lockout.ts). Failures are counted for
 *   declared AKs only; an unknown AK is refused without leaving state.
 * An empty or missing token matches nothing, and a token or SK whose `${ENV_VAR}` is unset matches nothing.
 */
import { parseAuthorization } from '../../sign/index.js';
import { secretProblem } from '../../workspace/secrets.js';
import { headerValue, traceStep, type RequestContext } from '../request/context.js';
import { failure, type GatewayFailure } from '../response/errors.js';
import type { IamAkSk } from '../../core/workspace-model.js';
import type { Identity } from './identity.js';
import { matchesSecret } from './credential.js';
import { isFailure, verify, type Verified } from './signed.js';

export function authenticateIam(ctx: RequestContext): Identity | GatewayFailure | Promise<Identity | GatewayFailure> {
  const iam = ctx.config.workspace.iam;
  const now = ctx.receivedAt;
  const token = headerValue(ctx.headers, 'x-auth-token');
  if (token !== undefined) {
    const t = iam.tokens.find((x) => matchesSecret(x.token, token));
    if (!t)
      return failure('IAM_AUTH_FAILED', 'X-Auth-Token matches no token in apig.yaml iam.tokens', {
        suffix: 'decrypt token fail',
      });
    if (t.expires !== undefined && Date.parse(t.expires) <= now)
      return failure('TOKEN_EXPIRED', `the token of ${t.user} expired at ${t.expires}`);
    return {
      kind: 'iam',
      user: t.user,
      domain: t.domain,
      via: 'token',
      ...(t.domainId !== undefined ? { domainId: t.domainId } : {}),
      ...(t.project !== undefined ? { project: t.project } : {}),
    };
  }
  const authorization = headerValue(ctx.headers, 'authorization');
  const ak = authorization !== undefined ? parseAuthorization(authorization)?.key : undefined;
  const locked = ak !== undefined ? ctx.services.state.store.locked(ak, now) : false;
  const go = (isLocked: boolean): Identity | GatewayFailure | Promise<Identity | GatewayFailure> => {
    if (isLocked)
      return failure('IAM_AUTH_FAILED', `AK ${ak ?? ''} is locked for 5 minutes after 5 consecutive failures`, {
        suffix: 'AK access failed to reach the limit, forbidden.',
      });
    const verified = verify(ctx, 'iam', (key) => secretKey(ctx, key));
    return verified instanceof Promise
      ? verified.then((r) => akskIdentity(ctx, r, ak))
      : akskIdentity(ctx, verified, ak);
  };
  return locked instanceof Promise ? locked.then(go) : go(locked);
}

/** The SK of a declared AK; one whose SK is unusable (its `${ENV_VAR}` unset or empty) is no AK at all. */
function secretKey(ctx: RequestContext, ak: string): string | undefined {
  const pair = ctx.config.workspace.iam.aksk.find((p) => p.ak === ak);
  if (pair && pair.sk.value === undefined)
    traceStep(
      ctx,
      'authentication',
      `IAM AK ${ak}: its SK is unusable (${secretProblem(pair.sk) ?? ''}); no signature matches`,
    );
  return pair?.sk.value;
}

/** The answer once the store has recorded what it must (a shared store before the response leaves). */
const after = <T>(recorded: void | Promise<void>, answer: T): T | Promise<T> =>
  recorded instanceof Promise ? recorded.then(() => answer) : answer;

function akskIdentity(
  ctx: RequestContext,
  r: Verified,
  ak: string | undefined,
): Identity | GatewayFailure | Promise<Identity | GatewayFailure> {
  const iam = ctx.config.workspace.iam;
  const now = ctx.receivedAt;
  const store = ctx.services.state.store;
  if (isFailure(r)) return r;
  if (!r.ok) {
    const refused = failure(
      r.reason === 'missing-authorization' ? 'IAM_AUTH_MISSING' : 'IAM_AUTH_FAILED',
      `AK/SK signature: ${r.reason}`,
      { suffix: r.detail },
    );
    // Only declared AKs are counted: an unknown AK leaves no state behind (a client inventing AKs grows nothing).
    const declared = ak !== undefined && iam.aksk.some((p) => p.ak === ak && p.sk.value !== undefined);
    return declared ? after(store.failed(ak, now), refused) : refused;
  }
  const pair = iam.aksk.find((p) => p.ak === r.key);
  return after(store.succeeded(r.key), identityOf(r.key, pair));
}

function identityOf(ak: string, pair: IamAkSk | undefined): Identity {
  return {
    kind: 'iam',
    user: pair?.user ?? '',
    domain: pair?.domain ?? '',
    via: 'aksk',
    ak,
    ...(pair?.domainId !== undefined ? { domainId: pair.domainId } : {}),
  };
}
