/**
 * The request pipeline: its order is fixed here and only here (ruling 2; STYLE habit 6), and `--trace` shows
 * it stage by stage:
 *
 *   restrictions → group → environment → route → protocol
 *   → cors → ip-acl → authentication → app-authorization → account-acl → throttling
 *   → params → backend-policy → backend-authorizer → backend-request → (dispatch: backends/)
 *
 * backend-authorizer is ours: the documents do not place the back-end custom authorizer; it must run before
 * the backend request, whose parameters may read its context.
 *
 * A stage joins by adding its name to STAGE_ORDER at its place and its function to STAGES (the `satisfies`
 * makes the two agree); nothing else changes.
 */
import type { RequestContext } from './context.js';
import type { Stage, StageOutcome } from './stage.js';
import { NEXT } from './stage.js';
import { accountAcl } from './stages/account-acl.js';
import { appAuthorization } from './stages/app-authorization.js';
import { authentication } from './stages/authentication.js';
import { backendAuthorizer } from './stages/backend-authorizer.js';
import { backendPolicy } from './stages/backend-policy.js';
import { backendRequest } from './stages/backend-request.js';
import { cors } from './stages/cors.js';
import { environment } from './stages/environment.js';
import { group } from './stages/group.js';
import { ipAcl } from './stages/ip-acl.js';
import { params } from './stages/params.js';
import { protocol } from './stages/protocol.js';
import { restrictions } from './stages/restrictions.js';
import { route } from './stages/route.js';
import { throttling } from './stages/throttling.js';

export const STAGE_ORDER = [
  'restrictions',
  'group',
  'environment',
  'route',
  'protocol',
  'cors',
  'ip-acl',
  'authentication',
  'app-authorization',
  'account-acl',
  'throttling',
  'params',
  'backend-policy',
  'backend-authorizer',
  'backend-request',
] as const;
export type StageName = (typeof STAGE_ORDER)[number];

const STAGES = {
  restrictions,
  group,
  environment,
  route,
  protocol,
  cors,
  'ip-acl': ipAcl,
  authentication,
  'app-authorization': appAuthorization,
  'account-acl': accountAcl,
  throttling,
  params,
  'backend-policy': backendPolicy,
  'backend-authorizer': backendAuthorizer,
  'backend-request': backendRequest,
} satisfies Record<StageName, Stage>;

const ORDERED: readonly Stage[] = STAGE_ORDER.map((name) => STAGES[name]);

function isPromise(v: StageOutcome | Promise<StageOutcome>): v is Promise<StageOutcome> {
  return typeof (v as Promise<StageOutcome>).then === 'function';
}

/**
 * Runs the stages in order until one fails. Stays synchronous while every stage is (the common case), so a
 * Mock API is answered without a single await.
 */
export function runPipeline(ctx: RequestContext, from = 0): StageOutcome | Promise<StageOutcome> {
  for (let i = from; i < ORDERED.length; i++) {
    const out = (ORDERED[i] as Stage)(ctx);
    if (isPromise(out)) return out.then((o) => (o.kind === 'next' ? runPipeline(ctx, i + 1) : o));
    if (out.kind !== 'next') return out;
  }
  return NEXT;
}
