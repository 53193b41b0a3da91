/**
 * LSP-like JSON: 0-based lines and characters, the JSON pointer, severity error|warn|info|hint, and the rule's
 * docs page. Findings the --baseline file lists are only counted (summary.baselined); findings past the per-file
 * cap are counted per file (omitted).
 */
import { isHidden } from '../cap.js';
import { ruleDocUrl } from '../doc-url.js';
import type { LintFinding } from '../run.js';
import type { Formatter } from './types.js';

const row = (f: LintFinding) => ({
  code: f.code,
  severity: f.severity,
  message: f.message,
  source: f.source,
  path: f.path,
  range: f.range,
  documentationUrl: ruleDocUrl(f.code),
});

export const json: Formatter = ({ findings, omitted, summary, version }) =>
  `${JSON.stringify(
    {
      version,
      results: findings.filter((f) => !isHidden(f)).map(row),
      // Suppressed in the source wins over the baseline, as in summary.suppressed.
      suppressed: findings.filter((f) => f.suppressed).map((f) => ({ ...row(f), reason: f.suppressed?.reason })),
      omitted: omitted.map(({ file, count }) => ({ file, count })),
      summary,
    },
    null,
    2,
  )}\n`;
