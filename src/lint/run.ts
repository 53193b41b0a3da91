/** The rule engine: runs every enabled rule over a workspace and applies severities and suppressions. */
import type { Diagnostic, Range, Severity } from '../core/diagnostic.js';
import type { Workspace } from '../core/workspace-model.js';
import { isLoaderCode } from '../core/diagnostic.js';
import { RECOMMENDED } from './presets.js';
import type { RuleId } from './rule-ids.js';
import type { Quotas } from './quotas.js';
import { ALL_RULE_IDS, RULES } from './registry.js';
import { walkWorkspace } from './visit.js';
import { collectSuppressions, suppressionFor, type Suppression } from './suppress.js';
import type { RuleSeverity, Target } from './types.js';

export interface LintOptions {
  /** Severity overrides by rule id (config file, then --rule). */
  rules?: Record<string, RuleSeverity>;
  quotas: Quotas;
}

export interface LintFinding extends Diagnostic<RuleId> {
  /** Set when an x-apig-lint-disable entry covers it. */
  suppressed?: { reason: string };
  /** Set when the --baseline file lists it (rule, file and JSON pointer): known before, hidden, not failing. */
  baselined?: true;
}

export function severityOf(rule: RuleId, overrides: Record<string, RuleSeverity> | undefined): RuleSeverity {
  // A file apig cannot read is never a clean result: `parse` stays an error whatever the configuration says.
  if (rule === 'parse') return 'error';
  return (overrides && Object.hasOwn(overrides, rule) ? overrides[rule] : undefined) ?? RECOMMENDED[rule];
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Findings for one workspace: loader diagnostics mapped to rules, then every rule (one walk, rules as visitors). */
export function lintWorkspace(
  ws: Workspace | undefined,
  loaderDiagnostics: readonly Diagnostic[],
  options: LintOptions,
): LintFinding[] {
  const known = new Set(ALL_RULE_IDS);
  const out: LintFinding[] = [];
  const finding = (
    rule: RuleId,
    source: string,
    path: string,
    message: string,
    range: Range | undefined,
    suppressions: readonly Suppression[],
  ): LintFinding | undefined => {
    const severity = severityOf(rule, options.rules);
    if (severity === 'off') return undefined;
    const s = suppressions.length > 0 ? suppressionFor(suppressions, rule, path) : undefined;
    return {
      code: rule,
      severity,
      message,
      path,
      source,
      range: range ?? ZERO,
      ...(s ? { suppressed: { reason: s.reason } } : {}),
    };
  };
  const push = (...args: Parameters<typeof finding>): void => {
    const f = finding(...args);
    if (f) out.push(f);
  };

  const suppressionsByFile = new Map<string, Suppression[]>();
  for (const g of ws?.groups ?? []) {
    const { suppressions, problems } = collectSuppressions(g.raw, known);
    suppressionsByFile.set(g.shown, suppressions);
    for (const p of problems) push('lint-disable', g.shown, p.path, p.message, g.rangeOf(p.path), []);
  }
  for (const d of loaderDiagnostics) {
    if (isLoaderCode(d.code))
      push(d.code, d.source, d.path, d.message, d.range, suppressionsByFile.get(d.source) ?? []);
  }
  if (ws) {
    const fromRule = (rule: RuleId, t: Target, message: string): LintFinding | undefined =>
      'group' in t
        ? finding(
            rule,
            t.group.shown,
            t.path,
            message,
            t.group.rangeOf(t.path),
            suppressionsByFile.get(t.group.shown) ?? [],
          )
        : finding(rule, ws.shown, t.path, message, ws.rangeOf(t.path), []);
    for (const f of runRules(ws, options, fromRule)) out.push(f);
  }
  return dedupe(out);
}

/**
 * Every enabled rule over one walk of the workspace. Each rule's findings are kept apart and appended rule by
 * rule, in registry order, so the output order does not depend on how the walk interleaves the rules.
 */
function runRules(
  ws: Workspace,
  options: LintOptions,
  finding: (rule: RuleId, target: Target, message: string) => LintFinding | undefined,
): LintFinding[] {
  const enabled = RULES.filter((rule) => severityOf(rule.meta.id, options.rules) !== 'off');
  const found = enabled.map(() => [] as LintFinding[]);
  const visitors = enabled.map((rule, i) => {
    const bucket = found[i] as LintFinding[];
    const id = rule.meta.id;
    return rule.create({
      ws,
      quotas: options.quotas,
      report: (target, message) => {
        const f = finding(id, target, message);
        if (f) bucket.push(f);
      },
    });
  });
  walkWorkspace(ws, visitors);
  return found.flat();
}

function dedupe(findings: LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.code}|${f.source}|${f.path}|${f.message}|${f.range?.start.line}:${f.range?.start.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function sortFindings(findings: LintFinding[]): LintFinding[] {
  return [...findings].sort(
    (a, b) =>
      a.source.localeCompare(b.source) ||
      (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) ||
      (a.range?.start.character ?? 0) - (b.range?.start.character ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

export interface LintSummary {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  suppressed: number;
  /** Findings the --baseline file lists (not counted above). */
  baselined: number;
  files: number;
}

export function summarize(findings: readonly LintFinding[], files: number): LintSummary {
  const active = findings.filter((f) => !f.suppressed && !f.baselined);
  const count = (s: Severity): number => active.filter((f) => f.severity === s).length;
  return {
    errors: count('error'),
    warnings: count('warn'),
    infos: count('info'),
    hints: count('hint'),
    suppressed: findings.filter((f) => f.suppressed).length,
    baselined: findings.filter((f) => f.baselined && !f.suppressed).length,
    files,
  };
}
