/** LSP-like JSON: 0-based lines and characters, the JSON pointer, severity error|warn|info|hint. */
import type { Formatter } from './types.js';

export const json: Formatter = ({ findings, summary, version }) =>
  `${JSON.stringify(
    {
      version,
      results: findings
        .filter((f) => !f.suppressed)
        .map((f) => ({
          code: f.code,
          severity: f.severity,
          message: f.message,
          source: f.source,
          path: f.path,
          range: f.range,
        })),
      suppressed: findings
        .filter((f) => f.suppressed)
        .map((f) => ({
          code: f.code,
          severity: f.severity,
          message: f.message,
          source: f.source,
          path: f.path,
          range: f.range,
          reason: f.suppressed?.reason,
        })),
      summary,
    },
    null,
    2,
  )}\n`;
