import { Chalk, type ChalkInstance } from 'chalk';

/** Where the CLI writes: results on stdout, logs on stderr. The only place that decides colour. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
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

export function processIo(argv: readonly string[]): Io {
  const useColor = colorWanted(argv, process.env, Boolean(process.stdout.isTTY));
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    color: new Chalk({ level: useColor ? 1 : 0 }),
    useColor,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}
