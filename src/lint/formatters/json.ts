/** LSP-like JSON: 0-based lines and characters, the JSON pointer, severity error|warn|info|hint. */
import type { LintFinding } from '../run.js';
import type { Formatter } from './types.js';

const row = (f: LintFinding) => ({
  code: f.code,
  severity: f.severity,
  message: f.message,
  source: f.source,
  path: f.path,
  range: f.range,
});

export const json: Formatter = ({ findings, summary, version }) =>
  `${JSON.stringify(
    {
      version,
      results: findings.filter((f) => !f.suppressed).map(row),
      suppressed: findings.filter((f) => f.suppressed).map((f) => ({ ...row(f), reason: f.suppressed?.reason })),
      summary,
    },
    null,
    2,
  )}\n`;
