/** Lint findings as LSP diagnostics: the same rule ids, positions and messages `apig lint` prints. */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Severity } from '../core/diagnostic.js';
import { ruleDocUrl } from '../lint/doc-url.js';
import { isRuleId } from '../lint/rule-ids.js';
import type { Found } from './lint-target.js';
import { FILE_START } from './ranges.js';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warn: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const satisfies Record<Severity, DiagnosticSeverity>;

/** What a diagnostic carries back to the server in a code action request. */
export interface FindingData {
  path: string;
}

export function toDiagnostic(f: Found): Diagnostic {
  const range = f.range ?? FILE_START;
  const data: FindingData = { path: f.path };
  return {
    range,
    severity: SEVERITY[f.severity],
    code: f.code,
    ...(isRuleId(f.code) ? { codeDescription: { href: ruleDocUrl(f.code) } } : {}),
    source: 'apig',
    message: f.message,
    data,
  };
}
