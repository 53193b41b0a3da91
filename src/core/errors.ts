import type { Diagnostic } from './diagnostic.js';

/**
 * What kind of expected failure it is: the message and the tests tell them apart; every one ends the run with
 * exit code 2 (usage, configuration or input errors; cli/run.ts).
 */
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
