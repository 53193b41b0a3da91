/** The rule engine: runs every enabled rule over a workspace and applies severities and suppressions. */
import type { Diagnostic, Range, Severity } from '../core/diagnostic.js';
import type { Workspace } from '../core/workspace-model.js';
import { isLoaderCode } from '../core/diagnostic.js';
import { LOADER_RULE_OF } from './loader-rules.js';
import { RECOMMENDED } from './presets.js';
import type { RuleId } from './rule-ids.js';
import type { Quotas } from './quotas.js';
import { ALL_RULE_IDS, RULES } from './registry.js';
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
}

export function severityOf(rule: RuleId, overrides: Record<string, RuleSeverity> | undefined): RuleSeverity {
  return (overrides && Object.hasOwn(overrides, rule) ? overrides[rule] : undefined) ?? RECOMMENDED[rule];
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Findings for one workspace: loader diagnostics mapped to rules, then every rule. */
export function lintWorkspace(
  ws: Workspace | undefined,
  loaderDiagnostics: readonly Diagnostic[],
  options: LintOptions,
): LintFinding[] {
  const known = new Set(ALL_RULE_IDS);
  const out: LintFinding[] = [];
  const push = (
    rule: RuleId,
    source: string,
    path: string,
    message: string,
    range: Range | undefined,
    suppressions: readonly Suppression[],
  ): void => {
    const severity = severityOf(rule, options.rules);
    if (severity === 'off') return;
    const s = suppressionFor(suppressions, rule, path);
    out.push({
      code: rule,
      severity,
      message,
      path,
      source,
      range: range ?? ZERO,
      ...(s ? { suppressed: { reason: s.reason } } : {}),
    });
  };

  const suppressionsByFile = new Map<string, Suppression[]>();
  for (const g of ws?.groups ?? []) {
    const { suppressions, problems } = collectSuppressions(g.raw, known);
    suppressionsByFile.set(g.shown, suppressions);
    for (const p of problems) push('lint-disable', g.shown, p.path, p.message, g.rangeOf(p.path), []);
  }
  for (const d of loaderDiagnostics) {
    if (isLoaderCode(d.code))
      push(LOADER_RULE_OF[d.code], d.source, d.path, d.message, d.range, suppressionsByFile.get(d.source) ?? []);
  }
  if (ws) {
    const locate = (t: Target): { source: string; range: Range | undefined; suppressions: readonly Suppression[] } =>
      'group' in t
        ? {
            source: t.group.shown,
            range: t.group.rangeOf(t.path),
            suppressions: suppressionsByFile.get(t.group.shown) ?? [],
          }
        : { source: ws.shown, range: ws.rangeOf(t.path), suppressions: [] };
    for (const rule of RULES) {
      if (severityOf(rule.meta.id, options.rules) === 'off') continue;
      rule.check({
        ws,
        quotas: options.quotas,
        report: (target, message) => {
          const where = locate(target);
          push(rule.meta.id, where.source, target.path, message, where.range, where.suppressions);
        },
      });
    }
  }
  return dedupe(out);
}

function dedupe(findings: LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.code}|${f.source}|${f.path}|${f.message}`;
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
  files: number;
}

export function summarize(findings: readonly LintFinding[], files: number): LintSummary {
  const active = findings.filter((f) => !f.suppressed);
  const count = (s: Severity): number => active.filter((f) => f.severity === s).length;
  return {
    errors: count('error'),
    warnings: count('warn'),
    infos: count('info'),
    hints: count('hint'),
    suppressed: findings.length - active.length,
    files,
  };
}
