/** One diagnostic shape for import errors, schema errors and lint findings (STYLE habit 2). */
export type Severity = 'error' | 'warn' | 'info' | 'hint';

export const SEVERITIES = ['error', 'warn', 'info', 'hint'] as const satisfies readonly Severity[];

/** Zero-based line and character, like LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  /** Stable code, e.g. `parse-error`, `schema`, or a lint rule id. */
  code: string;
  severity: Severity;
  message: string;
  /** JSON pointer into the source document ('' for the root). */
  path: string;
  /** File the diagnostic is about. */
  source: string;
  range?: Range;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
