import { Chalk, type ChalkInstance } from 'chalk';

/** Where the CLI writes: results on stdout, logs on stderr. The only place that decides colour. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /**
   * Everything on standard input, to its end (`sign --data-binary @-`, `lint -`); given a limit, at most limit + 1
   * bytes: reading stops there, so that an endless or huge stream cannot fill the memory (the caller refuses it).
   */
  readStdin(limit?: number): Promise<Buffer>;
  color: ChalkInstance;
  useColor: boolean;
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function colorWanted(argv: readonly string[], env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (argv.includes('--no-color') || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (argv.includes('--color') || env.FORCE_COLOR === '1') return true;
  return isTTY;
}

/** What an Io is made of: the streams' ends, and whether stdout and stdin are terminals. */
export interface IoParts {
  out(text: string): void;
  err(text: string): void;
  readStdin(limit?: number): Promise<Buffer>;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The one place colour is decided from the command line, the environment and the terminal. */
export function makeIo(argv: readonly string[], parts: IoParts): Io {
  const useColor = colorWanted(argv, parts.env, parts.stdoutIsTTY);
  return {
    out: parts.out,
    err: parts.err,
    readStdin: parts.readStdin,
    color: new Chalk({ level: useColor ? 1 : 0 }),
    useColor,
    stdinIsTTY: parts.stdinIsTTY,
    env: parts.env,
    cwd: parts.cwd,
  };
}

async function readProcessStdin(limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(b);
    total += b.length;
    if (total > limit) {
      // Past the limit: stop reading (the writer gets EPIPE) and hand back what makes the excess visible.
      process.stdin.destroy();
      break;
    }
  }
  return Buffer.concat(chunks, total);
}

export function processIo(argv: readonly string[]): Io {
  return makeIo(argv, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readStdin: readProcessStdin,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
  });
}
