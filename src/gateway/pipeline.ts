/**
 * The request pipeline: its order is fixed here and only here (ruling 2; STYLE habit 6), and `--trace` shows
 * it stage by stage. The ruled order with the places issue 6 fills:
 *
 *   restrictions → group → environment → route → protocol
 *   → [cors] → [ip-acl] → [authentication] → [app-authorization] → [account-acl] → [throttling]
 *   → params → [backend-policy] → backend-request → (dispatch: backends/)
 *
 * A stage joins by adding its name to STAGE_ORDER at its place and its function to STAGES (the `satisfies`
 * makes the two agree); nothing else changes.
 */
import type { RequestContext } from './context.js';
import type { Stage, StageOutcome } from './stage.js';
import { NEXT } from './stage.js';
import { backendRequest } from './stages/backend-request.js';
import { environment } from './stages/environment.js';
import { group } from './stages/group.js';
import { params } from './stages/params.js';
import { protocol } from './stages/protocol.js';
import { restrictions } from './stages/restrictions.js';
import { route } from './stages/route.js';

export const STAGE_ORDER = ['restrictions', 'group', 'environment', 'route', 'protocol', 'params', 'backend-request'] as const;
export type StageName = (typeof STAGE_ORDER)[number];

const STAGES = {
  restrictions,
  group,
  environment,
  route,
  protocol,
  params,
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
