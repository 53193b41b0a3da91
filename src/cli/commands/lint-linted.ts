/** What one lint run found: shared by lint-run.ts and lint-fix.ts (which it loads only for --fix). */
import type { LintFinding } from '../../lint/run.js';

export interface Linted {
  /** Sorted; marked `baselined` where the --baseline file lists them. */
  findings: LintFinding[];
  /** Every file linted, as shown. */
  files: Set<string>;
  /** The file each shown name stands for (workspaces, group files), for --fix: standard input is not among them. */
  paths: Map<string, string>;
  /** The name standard input's document goes by in the findings, when it was linted. */
  stdinShown?: string;
}
