import type { Diagnostic } from './diagnostic.js';

/** CLI-facing error codes; each maps to an exit code in cli/exit-codes.ts. */
export type ApigErrorCode = 'usage' | 'config' | 'input' | 'io';

/** An expected failure with an actionable message; never printed with a stack trace. */
export class ApigError extends Error {
  readonly code: ApigErrorCode;
  readonly diagnostics: readonly Diagnostic[];
  constructor(code: ApigErrorCode, message: string, diagnostics: readonly Diagnostic[] = []) {
    super(message);
    this.name = 'ApigError';
    this.code = code;
    this.diagnostics = diagnostics;
  }
}
