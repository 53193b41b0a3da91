/**
 * SARIF 2.1.0 with rule metadata and links to the rule pages that ship with the package. Suppressed findings
 * carry an in-source suppression; with a --baseline file, each result is `baselineState` new or unchanged;
 * findings past the per-file cap are counted in a tool execution notification.
 */
import { omittedText } from '../cap.js';
import { ruleDocUrl } from '../doc-url.js';
import { ALL_RULE_IDS, ruleMeta } from '../registry.js';
import type { RuleId } from '../rule-ids.js';
import { type LintFinding, severityOf } from '../run.js';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warn: 'warning', info: 'note', hint: 'note' } as const;

/**
 * A file name as an artifactLocation uri (a URI reference): `/` separators, each segment percent-encoded (a
 * space or `#` in a name would make the log invalid), and an absolute path as a file:// URL.
 */
export function artifactUri(file: string): string {
  const p = file.split('\\').join('/');
  const drive = /^[A-Za-z]:\//.exec(p)?.[0];
  const rest = drive === undefined ? p : p.slice(drive.length);
  const encoded = rest.split('/').map(encodeURIComponent).join('/');
  if (drive !== undefined) return `file:///${drive}${encoded}`;
  return p.startsWith('/') ? `file://${encoded}` : encoded;
}

const rule = (id: RuleId) => {
  const meta = ruleMeta(id);
  const level = severityOf(id, undefined);
  const url = ruleDocUrl(id);
  return {
    id,
    shortDescription: { text: meta?.description ?? id },
    fullDescription: { text: `${meta?.rationale ?? ''} Source: ${meta?.source ?? ''}`.trim() },
    helpUri: url,
    help: { text: `${meta?.description ?? ''} See ${url}` },
    defaultConfiguration: { level: level === 'off' ? 'none' : LEVEL[level] },
    properties: { category: meta?.category ?? 'schema' },
  };
};

const location = (f: LintFinding) => ({
  physicalLocation: {
    artifactLocation: { uri: artifactUri(f.source) },
    region: {
      startLine: (f.range?.start.line ?? 0) + 1,
      startColumn: (f.range?.start.character ?? 0) + 1,
      endLine: (f.range?.end.line ?? 0) + 1,
      endColumn: (f.range?.end.character ?? 0) + 1,
    },
  },
  logicalLocations: [{ fullyQualifiedName: f.path || '/', kind: 'member' }],
});

export const sarif: Formatter = ({ findings, omitted, rules, version, baseline }) => {
  // Every rule that ran, and any other rule a finding names (`parse` is reported even where configured off).
  const ran = new Set(rules);
  const codes = new Set(findings.map((f) => f.code));
  const ids = [...rules, ...ALL_RULE_IDS.filter((id) => codes.has(id) && !ran.has(id))];
  const index = new Map(ids.map((r, i) => [r, i]));
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        // No informationUri: apig has no web site; each rule's helpUri is its page in the installed package.
        tool: { driver: { name: 'apig', version, rules: ids.map(rule) } },
        invocations: [
          {
            // The run finished: a file past the cap still had all its findings counted.
            executionSuccessful: true,
            ...(omitted.length > 0
              ? {
                  toolExecutionNotifications: omitted.map(({ file, count }) => ({
                    level: 'warning',
                    message: { text: omittedText(file, count) },
                    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file) } } }],
                  })),
                }
              : {}),
          },
        ],
        results: findings.map((f) => ({
          ruleId: f.code,
          ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [location(f)],
          ...(f.suppressed ? { suppressions: [{ kind: 'inSource', justification: f.suppressed.reason }] } : {}),
          ...(baseline ? { baselineState: f.baselined ? 'unchanged' : 'new' } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
