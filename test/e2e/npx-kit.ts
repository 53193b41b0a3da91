/**
 * `npx apig serve` as a user runs it: a project whose node_modules/.bin links apig (what `npm install apig` makes;
 * `--no-install`, so nothing is fetched), npx started as a real process. npm runs the command in a shell
 * (`sh -c 'apig' serve ...`), so the gateway is npx's grandchild; it is found in /proc by its command line, which
 * names the project's own node_modules/.bin/apig. Linux only (/proc), as `ps` output differs between systems.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './run-cli.js';

export const HAS_PROC = existsSync('/proc/self/stat');
export const HAS_NPX = ((): boolean => {
  try {
    execFileSync('npx', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Polls until `ready()` holds; the deadline only turns a hang into a failure, it measures nothing. */
export async function eventually(ready: () => boolean | Promise<boolean>, what: string, limitMs = 20_000) {
  const started = Date.now();
  while (!(await ready())) {
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A process still running: /proc has it and it is not a zombie (nothing may reap a re-parented process here). */
export function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** The running processes whose command line has `word` as an argument. */
export function processesWith(word: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (args.includes(word) && running(Number(name))) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Whether something accepts connections on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface NpxServe {
  npx: ChildProcess;
  /** The process running bin/apig.js. */
  gateway: number;
  port: number;
  stderr(): string;
  /** Stops what is left (the gateway too, if a test failed) and removes the project. */
  cleanup(): void;
}

/** `npx --no-install apig serve fixtures/demo --port 0` in a new project; resolves once the gateway listens. */
export async function npxServe(): Promise<NpxServe> {
  const project = mkdtempSync(join(tmpdir(), 'apig-npx-'));
  writeFileSync(join(project, 'package.json'), '{ "name": "uses-apig", "private": true }\n');
  mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
  const linked = join(project, 'node_modules/.bin/apig');
  symlinkSync(BIN, linked);
  const npx = spawn('npx', ['--no-install', 'apig', 'serve', join(ROOT, 'fixtures/demo'), '--port', '0'], {
    cwd: project,
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  npx.stdout?.on('data', (b: Buffer) => {
    out += b.toString('utf8');
  });
  npx.stderr?.on('data', (b: Buffer) => {
    err += b.toString('utf8');
  });
  const cleanup = (): void => {
    for (const pid of processesWith(linked)) process.kill(pid, 'SIGKILL');
    if (npx.exitCode === null && npx.signalCode === null) npx.kill('SIGKILL');
    rmSync(project, { recursive: true, force: true });
  };
  try {
    await eventually(() => /listening on http:\/\/\S+/.test(out), `npx apig serve listens\n${out}\n${err}`);
    const port = Number(/listening on http:\/\/[^:\s]+:(\d+)/.exec(out)?.[1]);
    const [gateway] = processesWith(linked);
    if (gateway === undefined) throw new Error(`no process runs ${linked}`);
    return { npx, gateway, port, stderr: () => err, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}
