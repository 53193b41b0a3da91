/**
 * Sends the built backend request to the API's backend for the environment: one driver per backend type. The
 * trace gets what came back (the answer's status, or the failure).
 */
import type { BackendType } from '../../core/model.js';
import { traceStep, type RequestContext } from '../request/context.js';
import { ERRORS, failure } from '../response/errors.js';
import { bodyFailure, discardBody } from './body-limit.js';
import { dispatchFunction } from './function.js';
import { dispatchHttp } from './http.js';
import type { BackendPlan, PlanOf } from './plan.js';
import type { Dispatched, DispatchInput } from './result.js';
import { dispatchVpc } from './vpc.js';

type Driver<K extends BackendType> = (plan: PlanOf<K>, input: DispatchInput) => Promise<Dispatched> | Dispatched;

/**
 * Mock: the result content with 200 and `Content-Type: application/json`, as the documented Mock response
 * shows (004 §10; status and headers are otherwise not configurable in 002 §5.2.1 表5-8). A request body is
 * read (and discarded) first, so that a chunked one over `request_body_size` answers 413 as for any backend.
 */
const mock: Driver<'MOCK'> = (plan, input) => {
  const answer: Dispatched = {
    ok: true,
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: plan.body,
  };
  if (!input.body) return answer;
  return discardBody(input.body, input.runtime.bodyLimit).then(
    () => answer,
    (err: unknown) => ({ ok: false, failure: bodyFailure(err) }),
  );
};

const DRIVERS = {
  MOCK: mock,
  HTTP: dispatchHttp,
  'HTTP-VPC': dispatchVpc,
  FUNCTION: dispatchFunction,
  // Compiled with a problem (not emulated), so the pipeline answers before dispatch; kept for exhaustiveness.
  'HTTP-VPC-MEMBER-GROUP': () => ({
    ok: false,
    failure: failure('NO_BACKEND_AVAILABLE', 'member-group VPC backends are not emulated'),
  }),
} satisfies { [K in BackendType]: Driver<K> };

/** `plan` undefined: the pipeline let the request through without choosing a backend (a bug: 500). */
export function dispatch(plan: BackendPlan | undefined, input: DispatchInput): Promise<Dispatched> | Dispatched {
  const d = plan
    ? (DRIVERS[plan.type] as Driver<typeof plan.type>)(plan as never, input)
    : { ok: false as const, failure: failure('INTERNAL', 'no backend plan after the pipeline') };
  const { ctx } = input;
  if (!ctx.trace) return d;
  return d instanceof Promise ? d.then((r) => traced(ctx, r)) : traced(ctx, d);
}

function traced(ctx: RequestContext, d: Dispatched): Dispatched {
  if (!d.ok)
    traceStep(ctx, 'backend', `failed: ${ERRORS[d.failure.id].code} ${ERRORS[d.failure.id].message}`, {
      why: d.failure.detail,
    });
  else
    traceStep(
      ctx,
      'backend',
      `answered ${d.status}`,
      d.upstream !== undefined ? { upstream: d.upstream } : { backend: 'MOCK' },
    );
  return d;
}
