/** Runs the CLI in this process (`run(argv, io)`) with captured output, in a given folder. */
import { makeIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const io = makeIo(argv, {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    readStdin: async () => Buffer.alloc(0),
    stdoutIsTTY: false,
    stdinIsTTY: false,
    env: { NO_COLOR: '1', ...env },
    cwd,
  });
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
