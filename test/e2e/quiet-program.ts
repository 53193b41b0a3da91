/** The whole `apig` command tree, built with an Io that goes nowhere: for tests that read the commands. */
import type { Command } from 'commander';
import { makeIo } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';

export function quietProgram(): Command {
  return buildProgram({
    io: makeIo([], {
      out: () => {},
      err: () => {},
      readStdin: async () => Buffer.alloc(0),
      stdoutIsTTY: false,
      stdinIsTTY: false,
      env: {},
      cwd: '/',
    }),
    allowRemoteRefs: false,
    setExit: () => {},
  });
}
