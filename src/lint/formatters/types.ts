import type { RuleId } from '../rule-ids.js';
import type { LintFinding, LintSummary } from '../run.js';

import { LINT_FORMATS, type LintFormat } from '../../core/vocabulary.js';

export const FORMATS = LINT_FORMATS;
export type Format = LintFormat;

export interface FormatInput {
  /**
   * Every finding to write, sorted: suppressed ones (`suppressed`) and those the --baseline file lists
   * (`baselined`) included; formatters other than SARIF leave both out of the listing.
   */
  findings: readonly LintFinding[];
  /** Findings past the per-file cap (MAX_FINDINGS_PER_FILE), counted and not listed. */
  omitted: ReadonlyArray<{ file: string; count: number }>;
  summary: LintSummary;
  /** Every file linted (for junit's passing cases). */
  files: readonly string[];
  /** Rule ids that ran. */
  rules: readonly RuleId[];
  version: string;
  /** A --baseline file was given: SARIF then marks every result `baselineState` new or unchanged. */
  baseline: boolean;
}

/** Colour is the CLI's business: formatters get a painter that may do nothing. */
export interface Painter {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const PLAIN: Painter = { red: (s) => s, yellow: (s) => s, blue: (s) => s, dim: (s) => s, bold: (s) => s };

export type Formatter = (input: FormatInput, paint: Painter) => string;
