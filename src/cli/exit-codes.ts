/** The exit-code policy, one place (STYLE habit 1). */
export const EXIT = {
  ok: 0,
  /** Findings at or above the fail severity, a lossy export check, a failed request. */
  findings: 1,
  /** Usage, configuration or input errors. */
  usage: 2,
  /** Unexpected internal errors. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
