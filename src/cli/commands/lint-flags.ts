/** The options of `apig lint` as commander hands them over (lint.ts declares them; the run modules read them). */
import type { Severity } from '../../core/diagnostic.js';
import type { LintFormat as Format } from '../../core/vocabulary.js';

export interface LintFlags {
  format: Format[];
  output: string[];
  failSeverity?: Severity;
  maxWarnings?: string;
  rule: string[];
  config?: string;
  profile?: string;
  quiet?: boolean;
  watch?: boolean;
  workspace: string[];
  listRules?: boolean;
  stdinFilepath?: string;
  baseline?: string;
  generateBaseline?: string;
  fix?: boolean;
  fixDryRun?: boolean;
}
