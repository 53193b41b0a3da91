import type { Io } from './io.js';
import type { ExitCode } from './exit-codes.js';

/** What a command needs from the shell: where to write, a way to report its exit code, and the global options. */
export interface CommandContext {
  io: Io;
  setExit(code: ExitCode): void;
  /** --allow-remote-refs: $refs to http(s) URLs may be fetched (refused by default: apig works offline). */
  allowRemoteRefs: boolean;
}
