/** The rule engine: runs every enabled rule over a workspace and applies severities and suppressions. */
import type { Diagnostic, Range, Severity } from '../core/diagnostic.js';
import type { Workspace } from '../core/workspace-model.js';
import { isLoaderCode } from '../core/diagnostic.js';
import { loaderFix } from './fix/loader-fixes.js';
import type { Fix, FixBuilder } from './fix/types.js';
import { RECOMMENDED } from './presets.js';
import type { RuleId } from './rule-ids.js';
import type { Quotas } from './quotas.js';
import { ALL_RULE_IDS, RULES } from './registry.js';
import { walkWorkspace } from './visit.js';
import { collectSuppressions, suppressionFor, type Suppression } from './suppress.js';
import type { RuleSeverity, Target, Visitor } from './types.js';

export interface LintOptions {
  /** Severity overrides by rule id (config file, then --rule). */
  rules?: Record<string, RuleSeverity>;
  quotas: Quotas;
  /**
   * Attach each finding's fix (`fix`), for `apig lint --fix` and editors. Off by default: rules then build no
   * fix at all.
   */
  fixes?: boolean;
}

export interface LintFinding extends Diagnostic<RuleId> {
  /** Set when an x-apig-lint-disable entry covers it. */
  suppressed?: { reason: string };
  /** Set when the --baseline file lists it (rule, file and JSON pointer): known before, hidden, not failing. */
  baselined?: true;
  /** What `apig lint --fix` would change, when the run asked for fixes (LintOptions.fixes) and there is one. */
  fix?: Fix;
}

export function severityOf(rule: RuleId, overrides: Record<string, RuleSeverity> | undefined): RuleSeverity {
  // A file apig cannot read is never a clean result: `parse` stays an error whatever the configuration says.
  if (rule === 'parse') return 'error';
  return (overrides && Object.hasOwn(overrides, rule) ? overrides[rule] : undefined) ?? RECOMMENDED[rule];
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** One finding; `severity` is the rule's (never 'off': a rule that is off reports nothing). */
function makeFinding(
  rule: RuleId,
  severity: Severity,
  source: string,
  path: string,
  message: string,
  range: Range | undefined,
  suppressions: readonly Suppression[] | undefined,
): LintFinding {
  const f: LintFinding = { code: rule, severity, message, path, source, range: range ?? ZERO };
  const s = suppressions && suppressions.length > 0 ? suppressionFor(suppressions, rule, path) : undefined;
  if (s) f.suppressed = { reason: s.reason };
  return f;
}

/** Findings for one workspace: loader diagnostics mapped to rules, then every rule (one walk, rules as visitors). */
export function lintWorkspace(
  ws: Workspace | undefined,
  loaderDiagnostics: readonly Diagnostic[],
  options: LintOptions,
): LintFinding[] {
  const known = new Set(ALL_RULE_IDS);
  const out: LintFinding[] = [];
  const suppressionsByFile = new Map<string, Suppression[]>();
  const disable = severityOf('lint-disable', options.rules);
  for (const g of ws?.groups ?? []) {
    const { suppressions, problems } = collectSuppressions(g.raw, known);
    suppressionsByFile.set(g.shown, suppressions);
    if (disable === 'off') continue;
    for (const p of problems)
      out.push(makeFinding('lint-disable', disable, g.shown, p.path, p.message, g.rangeOf(p.path), undefined));
  }
  for (const d of loaderDiagnostics) {
    if (!isLoaderCode(d.code)) continue;
    const severity = severityOf(d.code, options.rules);
    if (severity === 'off') continue;
    const f = makeFinding(d.code, severity, d.source, d.path, d.message, d.range, suppressionsByFile.get(d.source));
    const fix = options.fixes ? loaderFix(d, ws) : undefined;
    if (fix) f.fix = fix;
    out.push(f);
  }
  if (ws) runRules(ws, options, suppressionsByFile, out);
  return dedupe(out);
}

/**
 * Every enabled rule over one walk of the workspace. Each rule's findings are kept apart and appended rule by
 * rule, in registry order, so the output order does not depend on how the walk interleaves the rules.
 */
function runRules(
  ws: Workspace,
  options: LintOptions,
  suppressionsByFile: ReadonlyMap<string, readonly Suppression[]>,
  out: LintFinding[],
): void {
  const found: LintFinding[][] = [];
  const visitors: Visitor[] = [];
  for (const rule of RULES) {
    const id = rule.meta.id;
    const severity = severityOf(id, options.rules);
    if (severity === 'off') continue;
    const bucket: LintFinding[] = [];
    found.push(bucket);
    const fixes = options.fixes === true;
    const report = (t: Target, message: string, fix?: FixBuilder): void => {
      const f =
        'group' in t
          ? makeFinding(
              id,
              severity,
              t.group.shown,
              t.path,
              message,
              t.group.rangeOf(t.path),
              suppressionsByFile.get(t.group.shown),
            )
          : makeFinding(id, severity, ws.shown, t.path, message, ws.rangeOf(t.path), undefined);
      const built = fixes && fix !== undefined ? fix() : undefined;
      if (built) f.fix = built;
      bucket.push(f);
    };
    visitors.push(rule.create({ ws, quotas: options.quotas, report }));
  }
  walkWorkspace(ws, visitors);
  for (const bucket of found) for (const f of bucket) out.push(f);
}

/** Drops a finding that repeats an earlier one: same rule, file, pointer, message and start. */
function dedupe(findings: LintFinding[]): LintFinding[] {
  // By pointer (a string every finding has already), then field by field: no key string per finding.
  const byPath = new Map<string, LintFinding[]>();
  const out: LintFinding[] = [];
  for (const f of findings) {
    const same = byPath.get(f.path);
    if (same === undefined) byPath.set(f.path, [f]);
    else if (same.some((g) => repeats(f, g))) continue;
    else same.push(f);
    out.push(f);
  }
  return out;
}

function repeats(f: LintFinding, g: LintFinding): boolean {
  return (
    f.code === g.code &&
    f.source === g.source &&
    f.message === g.message &&
    f.range?.start.line === g.range?.start.line &&
    f.range?.start.character === g.range?.start.character
  );
}

/** By file, position and rule id; `localeCompare` (slow) only where the strings differ. */
export function sortFindings(findings: LintFinding[]): LintFinding[] {
  return [...findings].sort(
    (a, b) =>
      (a.source === b.source ? 0 : a.source.localeCompare(b.source)) ||
      (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) ||
      (a.range?.start.character ?? 0) - (b.range?.start.character ?? 0) ||
      (a.code === b.code ? 0 : a.code.localeCompare(b.code)),
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
