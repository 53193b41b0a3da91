import type { Io } from './io.js';
import type { ExitCode } from './exit-codes.js';

/** What a command needs from the shell: where to write, and a way to report its exit code. */
export interface CommandContext {
  io: Io;
  setExit(code: ExitCode): void;
}
