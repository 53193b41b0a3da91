/** The shells `apig completion` writes a script for (a constant apart, so that the command lists them unloaded). */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
