/**
 * `apig lint --list-rules`: every rule once, in ALL_RULE_IDS order (the order of every lint output), with its
 * severity (the recommended preset's, or what the configuration and --rule make of it), whether `apig lint --fix`
 * fixes its findings, one line on what it checks, and its docs page.
 */
import { ruleDocUrl } from './doc-url.js';
import { ALL_RULE_IDS, ruleMeta } from './registry.js';
import type { RuleId } from './rule-ids.js';
import { severityOf } from './run.js';
import type { RuleCategory, RuleSeverity } from './types.js';

export interface ListedRule {
  id: RuleId;
  category: RuleCategory;
  severity: RuleSeverity;
  /** Whether `apig lint --fix` fixes findings of the rule (its docs page says which and how). */
  fixable: boolean;
  description: string;
  documentationUrl: string;
}

export function listedRules(severities?: Readonly<Record<string, RuleSeverity>>): ListedRule[] {
  return ALL_RULE_IDS.map((id) => {
    const meta = ruleMeta(id);
    return {
      id,
      category: meta?.category ?? 'schema',
      severity: severityOf(id, severities),
      fixable: meta?.fix !== undefined,
      description: (meta?.description ?? id).replace(/\s+/g, ' ').trim(),
      documentationUrl: ruleDocUrl(id),
    };
  });
}

/**
 * The stylish table, one rule a line (so that it greps): id, severity, fix (yes or no) and docs page in padded
 * columns, then what the rule checks (last, unpadded: some descriptions are long); or the JSON array of listedRules.
 */
export function listRules(format: 'stylish' | 'json', severities?: Readonly<Record<string, RuleSeverity>>): string {
  const rows = listedRules(severities);
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const head = { id: 'RULE', severity: 'SEVERITY', fix: 'FIX', documentationUrl: 'DOCS', description: 'CHECKS' };
  const table = [head, ...rows.map((r) => ({ ...r, fix: r.fixable ? 'yes' : 'no' }))];
  const width = (key: 'id' | 'severity' | 'fix' | 'documentationUrl'): number =>
    Math.max(...table.map((r) => r[key].length));
  const [id, severity, fix, docs] = [width('id'), width('severity'), width('fix'), width('documentationUrl')];
  const line = (r: typeof head): string =>
    `${r.id.padEnd(id)}  ${r.severity.padEnd(severity)}  ${r.fix.padEnd(fix)}  ${r.documentationUrl.padEnd(docs)}  ` +
    r.description;
  return `${table.map(line).join('\n')}\n`;
}
