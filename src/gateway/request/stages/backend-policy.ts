/**
 * Policy-backend selection (ruling 2: after parameter validation). "API网关会按顺序进行匹配，匹配到其中一个立即执行
 * API请求转发…当策略后端都没有匹配成功，则按照默认后端执行" (002 §8.3.15): policies in the order written, the first
 * whose conditions hold (ANY: one of them, ALL: every one; request/conditions.ts) answers; else the default
 * backend. The trace names the policy and the conditions that matched.
 */
import { boundOf } from '../../compile/bindings.js';
import { traceStep, type RequestContext } from '../context.js';
import { conditionHolds } from '../conditions.js';
import { NEXT, type StageOutcome } from '../stage.js';

export function backendPolicy(ctx: RequestContext): StageOutcome {
  const policies = boundOf(ctx).policies;
  if (policies.length === 0) {
    if (ctx.trace) traceStep(ctx, 'backend-policy', 'no policy backends: the default backend');
    return NEXT;
  }
  for (const p of policies) {
    const held = p.conditions.filter((c) => conditionHolds(ctx, c));
    const matched = p.effectMode === 'ALL' ? held.length === p.conditions.length : held.length > 0;
    if (!matched) continue;
    ctx.chosen = { backend: p.backend, params: p.params, policy: p.name };
    if (ctx.trace)
      traceStep(ctx, 'backend-policy', `policy backend ${p.name}`, {
        effectMode: p.effectMode,
        matched: (p.effectMode === 'ALL' ? held : held.slice(0, 1)).map((c) => c.text),
      });
    return NEXT;
  }
  if (ctx.trace)
    traceStep(ctx, 'backend-policy', 'default backend', {
      why: `none of ${policies.map((p) => p.name).join(', ')} matched`,
    });
  return NEXT;
}
