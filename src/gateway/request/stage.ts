/** What a pipeline stage is: a function of the request context that lets the request through or fails it. */
import type { RequestContext } from './context.js';
import type { GatewayFailure } from '../response/errors.js';

export type StageOutcome = { kind: 'next' } | { kind: 'fail'; failure: GatewayFailure };

/** Synchronous where it can be: the runner awaits only what returns a promise (auth, later, may). */
export type Stage = (ctx: RequestContext) => StageOutcome | Promise<StageOutcome>;

export const NEXT: StageOutcome = Object.freeze({ kind: 'next' });

export function fail(failure: GatewayFailure): StageOutcome {
  return { kind: 'fail', failure };
}
