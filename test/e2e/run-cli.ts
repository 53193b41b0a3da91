/**
 * Runs the CLI as a user would, two ways. `runCli` drives `run(argv, io)` in this process with an Io whose
 * ends are captured (stdout and stderr pipes, stdin from `input`): the same commands, output and exit codes,
 * without a Node start-up per call. `spawnCli` runs the built binary (`node bin/apig.js`) for what only a
 * real process shows: the bin shim, signals, a closed pipe, the README examples. The suite's global setup
 * builds dist/ when it is stale. APIG_TEST_SPAWN=1 sends every `runCli` through the binary too, to check
 * that both ways give the same answers.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/apig.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** The environment a spawned CLI would get: ours, without colour, with the test's additions. */
function cliEnv(options: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // A child process never sees a variable whose value is undefined; neither does the in-process run.
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', ...options.env }))
    if (v !== undefined) env[k] = v;
  return env;
}

/** `apig ARGS` in this process, with stdout and stderr captured and stdin given by `input` (empty if none). */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  if (process.env.APIG_TEST_SPAWN === '1') return spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  const input =
    typeof options.input === 'string' ? Buffer.from(options.input, 'utf8') : (options.input ?? Buffer.alloc(0));
  const io = makeIo(args, {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    readStdin: () => Promise.resolve(Buffer.from(input)),
    stdoutIsTTY: false,
    stdinIsTTY: false,
    env: cliEnv(options),
    cwd: options.cwd ?? ROOT,
  });
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** `node bin/apig.js ARGS` as a child process: for the shim, signals and pipes, which need a real process. */
export function spawnCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: cliEnv(options),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.end(options.input ?? '');
  });
}
