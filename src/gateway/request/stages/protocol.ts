/**
 * Request protocol check, APIG.0607 (errors-and-limits.md §1.1). Ruling 11: without an HTTPS listener an
 * HTTPS-only API is still served over HTTP (the start-up fidelity table says so); with HTTPS or --strict the
 * check applies as on the gateway.
 */
import { traceStep, type RequestContext } from '../context.js';
import { failure } from '../../response/errors.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';

export function protocol(ctx: RequestContext): StageOutcome {
  const wanted = ctx.hit?.api.protocol ?? 'BOTH';
  const ok = wanted === 'BOTH' || (wanted === 'HTTP') === (ctx.scheme === 'http');
  if (ok) {
    if (ctx.trace) traceStep(ctx, 'protocol', 'allowed', { request: ctx.scheme, api: wanted });
    return NEXT;
  }
  if (!ctx.config.protocolCheck) {
    traceStep(ctx, 'protocol', 'not enforced', {
      request: ctx.scheme,
      api: wanted,
      why: 'no HTTPS listener and not --strict (docs/rulings.md, Protocols locally)',
    });
    return NEXT;
  }
  traceStep(ctx, 'protocol', 'refused', { request: ctx.scheme, api: wanted });
  return fail(failure('PROTOCOL_NOT_SUPPORTED', `the API accepts ${wanted} only`, { arg: wanted }));
}
