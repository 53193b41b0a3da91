import { CommanderError } from 'commander';
import { ApigError } from '../core/errors.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { buildProgram, isHelpOrVersion } from './program.js';
import { printDiagnostics } from './render-diagnostics.js';

/**
 * Runs the CLI and returns its exit code; it never exits the process (main.ts sets process.exitCode). It writes
 * only through `io`; the commands that run until Ctrl-C (serve, lint --watch) listen for the process's signals.
 */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  // A global switch, accepted anywhere on the line before a `--` (after it, every word is an operand: the words
  // `apig __complete --` is given to complete): every command that reads Swagger files honours it.
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const allowRemoteRefs = argv.slice(0, end).includes('--allow-remote-refs');
  if (allowRemoteRefs) argv = [...argv.slice(0, end).filter((a) => a !== '--allow-remote-refs'), ...argv.slice(end)];
  const program = buildProgram({
    io,
    allowRemoteRefs,
    setExit: (c) => {
      code = c;
    },
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return isHelpOrVersion(err) ? EXIT.ok : EXIT.usage;
    if (err instanceof ApigError) {
      printDiagnostics(err.diagnostics, io);
      io.err(`${io.color.red(`apig: ${err.message}`)}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`${io.color.red(`apig: internal error: ${message}`)}\n`);
    if (io.env.APIG_DEBUG && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
    return EXIT.internal;
  }
}
