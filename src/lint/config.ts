/** .apiglint.yaml (and --profile files): parsed and validated against schemas/lint-config.json; pure. */
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { holdsNothing, locate, parseSource } from '../oas/source.js';
import { describeError, simplify } from '../oas/extension-schemas.js';
import { schemaValidator } from '../oas/schema-validators.js';
import { isRuleId, RULE_IDS, type RuleId } from './rule-ids.js';
import { didYouMean } from '../core/closest.js';
import { DEFAULT_QUOTAS, quotasWith, type Quotas } from './quotas.js';
import type { RuleSeverity } from './types.js';

export { LINT_CONFIG_FILE as CONFIG_FILE } from '../core/vocabulary.js';

export interface LintConfig {
  rules: Record<string, RuleSeverity>;
  quotas: Quotas;
  failSeverity?: Severity;
  maxWarnings?: number;
}

/** The configuration of a run without a configuration file: each rule at its own severity, the default quotas. */
export const defaultLintConfig = (): LintConfig => ({ rules: {}, quotas: { ...DEFAULT_QUOTAS } });

/** Parses a config file's text; problems come back as diagnostics (exit 2 in the CLI). */
export function parseLintConfig(file: string, text: string): { config?: LintConfig; diagnostics: Diagnostic[] } {
  // An empty configuration (or one of comments only) means the defaults.
  const parsed = parseSource(file, holdsNothing(text) ? '{}' : text);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  const value = parsed.doc.value ?? {};
  const validate = schemaValidator('lint-config.json');
  if (!validate) throw new Error('schemas/lint-config.json is missing');
  if (!validate(value)) {
    const diagnostics = simplify(validate.errors ?? []).map((e) => ({
      code: 'lint-config' as const,
      severity: 'error' as const,
      path: e.instancePath,
      source: file,
      message: `${e.instancePath ? `${e.instancePath.slice(1).replace(/\//g, '.')} ` : ''}${describeError(e)}`,
    }));
    return { diagnostics: locate(parsed.doc, diagnostics) };
  }
  const raw = value as {
    rules?: Record<string, RuleSeverity>;
    quotas?: Record<string, number>;
    failSeverity?: Severity;
    maxWarnings?: number;
  };
  const diagnostics: Diagnostic[] = [];
  for (const id of Object.keys(raw.rules ?? {})) {
    if (!isRuleId(id))
      diagnostics.push({
        code: 'lint-config',
        severity: 'error',
        path: `/rules/${id}`,
        source: file,
        message: `unknown rule "${id}"${didYouMean(id, RULE_IDS)}`,
      });
    else if (id === 'parse' && raw.rules?.[id] !== 'error')
      diagnostics.push({
        code: 'lint-config',
        severity: 'error',
        path: `/rules/${id}`,
        source: file,
        message: FIXED_PARSE,
      });
  }
  const { quotas, unknown } = quotasWith(raw.quotas);
  for (const k of unknown)
    diagnostics.push({
      code: 'lint-config',
      severity: 'error',
      path: `/quotas/${k}`,
      source: file,
      message: `unknown quota "${k}"; known: ${Object.keys(DEFAULT_QUOTAS).join(', ')}`,
    });
  if (diagnostics.length > 0) return { diagnostics: locate(parsed.doc, diagnostics) };
  return {
    config: {
      rules: raw.rules ?? {},
      quotas,
      ...(raw.failSeverity ? { failSeverity: raw.failSeverity } : {}),
      ...(raw.maxWarnings !== undefined ? { maxWarnings: raw.maxWarnings } : {}),
    },
    diagnostics: [],
  };
}

const FIXED_PARSE = 'rule "parse" is always an error: a file apig cannot read is never a clean result';

/** `--rule ID=SEVERITY` */
export function parseRuleFlag(flag: string): { id: RuleId; severity: RuleSeverity } | string {
  const m = /^([a-z0-9-]+)=(off|hint|info|warn|error)$/.exec(flag.trim());
  if (!m?.[1] || !m[2]) return `--rule expects ID=off|hint|info|warn|error, got "${flag}"`;
  if (!isRuleId(m[1])) return `--rule: unknown rule "${m[1]}"${didYouMean(m[1], RULE_IDS)}`;
  if (m[1] === 'parse' && m[2] !== 'error') return `--rule: ${FIXED_PARSE}`;
  return { id: m[1], severity: m[2] as RuleSeverity };
}
