/**
 * Checks a candidate: the workspace as it would be after an authoring answer, held in memory only.
 * `apig add` validates every answer with the rule code `apig lint` runs (issue 7): it builds the candidate,
 * runs the rules that answer can break, and refuses the answer with the rule's own message when the
 * candidate has a finding the workspace did not have before. Pure: no I/O, no clock.
 */
import { severityRank, type Severity } from '../core/diagnostic.js';
import type { Group } from '../core/model.js';
import type { LoadedGroup, Workspace } from '../core/workspace-model.js';
import { exportGroup } from '../oas/encode.js';
import type { Quotas } from './quotas.js';
import { ALL_RULE_IDS } from './registry.js';
import { lintWorkspace, severityOf, type LintFinding } from './run.js';
import type { RuleSeverity } from './types.js';

export interface CandidateOptions {
  /** The rules the answer can break; every other rule is off for the check. */
  rules: readonly string[];
  quotas: Quotas;
  /** Severity overrides from .apiglint.yaml: a rule the user turned off does not refuse answers either. */
  overrides?: Record<string, RuleSeverity>;
}

/** The group as it would be with `model`: `raw` is its encoded document, positions are unknown (not on disk). */
export function candidateGroup(group: LoadedGroup, model: Group): LoadedGroup {
  return { ...group, model, raw: exportGroup(model, { scope: 'extended' }), rangeOf: () => undefined };
}

/** The workspace with one group's model replaced (by group name). */
export function withGroupModel(ws: Workspace, groupName: string, model: Group): Workspace {
  return {
    ...ws,
    rangeOf: () => undefined,
    groups: ws.groups.map((g) => (g.ref.name === groupName ? candidateGroup(g, model) : g)),
  };
}

/** The workspace with apig.yaml-level changes (environments, apps, publish...). */
export function withWorkspace(
  ws: Workspace,
  patch: Partial<Pick<Workspace, 'environments' | 'apps' | 'publish'>>,
): Workspace {
  return { ...ws, ...patch, rangeOf: () => undefined };
}

function only(options: CandidateOptions): Record<string, RuleSeverity> {
  const wanted = new Set(options.rules);
  return Object.fromEntries(ALL_RULE_IDS.map((id) => [id, wanted.has(id) ? severityOf(id, options.overrides) : 'off']));
}

const key = (f: LintFinding): string => `${f.code}|${f.source}|${f.path}|${f.message}`;

/** The base workspace's findings per rule selection: every answer of a session compares against them. */
const baselines = new WeakMap<Workspace, Map<string, Set<string>>>();

function baseline(base: Workspace, rules: Record<string, RuleSeverity>, quotas: Quotas): Set<string> {
  const id = JSON.stringify([rules, quotas]);
  const cache = baselines.get(base) ?? new Map<string, Set<string>>();
  baselines.set(base, cache);
  let found = cache.get(id);
  if (!found) {
    found = new Set(lintWorkspace(base, [], { quotas, rules }).map(key));
    cache.set(id, found);
  }
  return found;
}

/**
 * Findings of the given rules that the candidate has and the base workspace has not: what the answer
 * caused. Problems that were there before never refuse an answer about something else.
 */
export function newFindings(base: Workspace, candidate: Workspace, options: CandidateOptions): LintFinding[] {
  const rules = only(options);
  const before = baseline(base, rules, options.quotas);
  return lintWorkspace(candidate, [], { quotas: options.quotas, rules }).filter(
    (f) => !f.suppressed && !before.has(key(f)),
  );
}

/**
 * The first new finding at or above `atLeast` (default: errors), as the message an answer is refused with;
 * undefined when the answer is accepted.
 */
export function refusal(
  base: Workspace,
  candidate: Workspace,
  options: CandidateOptions & { atLeast?: Severity },
): string | undefined {
  const floor = severityRank(options.atLeast ?? 'error');
  const found = newFindings(base, candidate, options).find((f) => severityRank(f.severity) >= floor);
  return found ? `${found.message} (${found.code})` : undefined;
}
