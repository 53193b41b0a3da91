/** What a flow knows: the workspace as loaded, and how to check a candidate with lint's rules. */
import type { LoadedGroup, Workspace } from '../../core/workspace-model.js';
import { ApigError } from '../../core/errors.js';
import { refusal } from '../../lint/candidate.js';
import type { RuleId } from '../../lint/presets.js';
import type { Quotas } from '../../lint/quotas.js';
import type { RuleSeverity } from '../../lint/types.js';
import type { Answers, Verdict } from './fields.js';

export interface FlowContext {
  ws: Workspace;
  /** The first new error the rules find in the candidate (the rule's own message), if any. */
  check(candidate: Workspace, rules: readonly RuleId[]): Verdict;
}

export interface LintSettings {
  quotas: Quotas;
  overrides: Record<string, RuleSeverity>;
}

export function flowContext(ws: Workspace, settings: LintSettings): FlowContext {
  return {
    ws,
    check: (candidate, rules) =>
      refusal(ws, candidate, { rules, quotas: settings.quotas, overrides: settings.overrides }),
  };
}

/** The group the answers name (the group field runs first, so it is always there). */
export function groupOf(ctx: FlowContext, a: Answers): LoadedGroup {
  const g =
    ctx.ws.groups.find((x) => x.ref.name === a.group) ?? (ctx.ws.groups.length === 1 ? ctx.ws.groups[0] : undefined);
  if (!g)
    throw new ApigError(
      'usage',
      `no group named ${String(a.group)}; the workspace has ${ctx.ws.groups.map((x) => x.ref.name).join(', ')}`,
    );
  return g;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
export const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
