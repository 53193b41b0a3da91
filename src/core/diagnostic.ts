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

/**
 * What the loader reports while it reads apig.yaml and Swagger files. Each code is the id of the lint rule whose
 * finding it is (src/lint/loader-rules.ts describes them), so that every command names a problem as lint does.
 */
export const LOADER_CODES = [
  'parse',
  'workspace-schema',
  'workspace-references',
  'extension-schema',
  'unknown-extension',
  'misplaced-extension',
  'swagger-schema',
  'ref-resolution',
  'response-key',
  'unset-secret',
] as const;
export type LoaderCode = (typeof LOADER_CODES)[number];

/** What `apig serve` reports while it compiles a workspace into routes. */
export const SERVE_CODES = [
  'serve-duplicate-domain',
  'serve-unknown-response',
  'serve-backend',
  'serve-policy',
  'serve-duplicate-route',
  'serve-security',
  'serve-reload',
] as const;
export type ServeCode = (typeof SERVE_CODES)[number];

/** Every code a loader or compiler diagnostic can carry. Lint findings carry rule ids (src/lint/rule-ids.ts). */
/** A lint configuration file (.apiglint.yaml, --profile) that is not one: exit 2. */
export type ConfigCode = 'lint-config';

export type DiagnosticCode = LoaderCode | ServeCode | ConfigCode;

export const isLoaderCode = (code: string): code is LoaderCode => (LOADER_CODES as readonly string[]).includes(code);

export interface Diagnostic<Code extends string = DiagnosticCode> {
  /** Stable code: a loader or compiler code, or (for a lint finding) the rule id. */
  code: Code;
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
