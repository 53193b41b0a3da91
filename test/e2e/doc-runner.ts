/**
 * Runs a page's examples (doc-examples.ts) as its reader would, in a scratch folder holding a copy of the
 * repository's fixtures, and checks what the page says of each: the exit code (`# ... exit N`, else 0) and,
 * in a `console` block, the output shown. Used by readme.test.ts and docs-examples.test.ts.
 *
 * What cannot run here is skipped by the rules of `notRunnable`, never silently. What the examples need that
 * a reader starts in the background is started here on free ports, since the documented ones (8080, 9000)
 * may be taken on a machine that runs tests side by side:
 * - `apig serve ...` (it waits until stopped) runs as written plus `--port 0`; the examples after it reach it
 *   at the address the page uses (`127.0.0.1:8080` by default), which their arguments are rewritten to.
 *   A later serve on the same address replaces it, as a reader stops the first before starting the next.
 * - `node FILE &` (a local backend) runs with `PORT` set to a free port; its comment names the address the
 *   page and the workspace files use for it, which the scratch copy's files and the arguments are rewritten to.
 * - `redis-server --port N ... &` (the store of `--state`) is a real redis-server on a free port (redis-kit.ts);
 *   `127.0.0.1:N` in the arguments after it is rewritten to it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { apigArgs, type DocCommand, expectedExit } from './doc-examples.js';
import type { CliOptions, CliResult } from './run-cli.js';
import { ROOT } from './run-cli.js';
import { type CliServer, closedPort, spawnServe } from './serve-helpers.js';
import { type RedisServer, startRedis } from './redis-kit.js';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** Why the example `apig ARGS` cannot run here, or undefined when it runs. */
export function notRunnable(args: readonly string[]): string | undefined {
  const [command] = args;
  if (command === 'serve') return 'it serves until stopped (started in the background instead)';
  if (command === 'lint' && args.includes('--watch')) return 'it lints again on every change until stopped';
  // Without --yes, init and add ask what their flags leave open; without a terminal they list it and exit 2.
  if ((command === 'init' || command === 'add') && !args.includes('--yes') && !args.includes('--help'))
    return 'it asks questions on a terminal';
  const remote = args.filter((a) => /^https?:\/\//.test(a) && !LOCAL_HOSTS.includes(new URL(a).hostname));
  if (args.includes('--send') && remote.length > 0) return `it sends to ${remote.join(', ')}, not this machine`;
  return undefined;
}

export type Cli = (args: readonly string[], options: CliOptions) => Promise<CliResult>;

export interface PageRun {
  /** The page's commands, from docCommands. */
  commands: DocCommand[];
  /** `runCli` (in this process) or `spawnCli` (the built binary). */
  cli: Cli;
  /** Stand-ins for what the page leaves to its reader: `...` values of its exports, files it names. */
  placeholders?: Record<string, string>;
  files?: Record<string, string>;
}

/** What ran and what was skipped, with the reason, for the caller to check. */
export interface PageReport {
  ran: string[];
  skipped: Array<{ at: string; why: string }>;
}

/** Every file under `dir` (the scratch copy) that names `from` gets `to` instead. */
function rewriteFiles(dir: string, from: string, to: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    if (text.includes(from)) writeFileSync(file, text.replaceAll(from, to));
  }
}

/** `node FILE &` with PORT set; resolves with its process once it prints `listening on http://ADDRESS`. */
async function startNodeServer(file: string, cwd: string, env: Record<string, string>) {
  const port = await closedPort();
  const child = spawn(process.execPath, [file], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise<{ child: ChildProcess; address: string }>((resolve, reject) => {
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      const m = /listening on https?:\/\/(\S+)/.exec(out);
      if (m) resolve({ child, address: m[1] as string });
    });
    child.stderr?.on('data', (b: Buffer) => {
      out += b.toString('utf8');
    });
    child.on('close', (code) => reject(new Error(`node ${file} exited ${code} before listening:\n${out}`)));
  });
}

async function stopGateway(gateway: CliServer | undefined): Promise<void> {
  if (gateway === undefined) return;
  gateway.child.kill('SIGTERM');
  await gateway.exited;
}

/** The address a serve example documents: `--host` (127.0.0.1) and `-p/--port` (8080). */
function servedAddress(args: readonly string[]): string {
  const value = (...flags: string[]): string | undefined => {
    const i = args.findIndex((a) => flags.includes(a));
    return i < 0 ? undefined : args[i + 1];
  };
  return `${value('--host') ?? '127.0.0.1'}:${value('-p', '--port') ?? '8080'}`;
}

export async function runPage(run: PageRun): Promise<PageReport> {
  const scratch = mkdtempSync(join(tmpdir(), 'apig-docs-'));
  cpSync(join(ROOT, 'fixtures'), join(scratch, 'fixtures'), { recursive: true });
  for (const [name, text] of Object.entries(run.files ?? {})) writeFileSync(join(scratch, name), text);
  const report: PageReport = { ran: [], skipped: [] };
  /** Documented address → where the stand-in listens. */
  const addresses = new Map<string, string>();
  const gateways = new Map<string, CliServer>();
  const children: ChildProcess[] = [];
  const redisServers: RedisServer[] = [];
  const readdress = (a: string): string => {
    let out = a.replace(/^\/tmp\//, `${scratch}/tmp/`); // what an example writes under /tmp stays in the scratch
    for (const [from, to] of addresses) out = out.replaceAll(from, to);
    return out;
  };
  try {
    for (const c of run.commands) {
      const cwd = join(scratch, c.cwd);
      mkdirSync(cwd, { recursive: true });
      const env: Record<string, string> = {};
      for (const [name, value] of Object.entries(c.env)) {
        const given = value === '...' ? run.placeholders?.[name] : value;
        if (given === undefined) throw new Error(`${c.at}: ${name}=... needs a placeholder value in the test`);
        env[name] = given;
      }
      const args = apigArgs(c);
      if (args === undefined) {
        // Other commands (npm, curl) are not apig's examples; a local backend in the background is needed by them.
        if (c.words[0] === 'node' && c.words.at(-1) === '&') {
          const documented = /\b(?:127\.0\.0\.1|localhost):\d+\b/.exec(c.comment)?.[0];
          if (documented === undefined) throw new Error(`${c.at}: say in the comment where it listens`);
          const server = await startNodeServer(c.words[1] as string, cwd, env);
          children.push(server.child);
          addresses.set(documented, server.address);
          rewriteFiles(scratch, documented, server.address);
        }
        if (c.words[0] === 'redis-server' && c.words.at(-1) === '&') {
          const redis = await startRedis();
          redisServers.push(redis);
          const port = c.words.includes('--port') ? c.words[c.words.indexOf('--port') + 1] : '6379';
          addresses.set(`127.0.0.1:${port}`, `127.0.0.1:${redis.port}`);
        }
        continue;
      }
      // The words are taken as written; an example that needs the shell to expand a variable says so here.
      if (c.expands) throw new Error(`${c.at}: the shell would expand part of this example; quote it with '...'`);
      const why = notRunnable(args);
      if (why !== undefined) report.skipped.push({ at: c.at, why });
      if (args[0] === 'serve') {
        const documented = servedAddress(args);
        await stopGateway(gateways.get(documented));
        // `apig serve ... &`: backgrounded by the reader's shell, as it is here.
        const words = args.at(-1) === '&' ? args.slice(1, -1) : args.slice(1);
        const gateway = await spawnServe([...words.map(readdress), '--port', '0'], env, cwd);
        gateways.set(documented, gateway);
        addresses.set(documented, new URL(gateway.url).host);
        continue;
      }
      if (why !== undefined) continue;
      // `apig lint - < FILE`: standard input from a file, as the shell would give it.
      const from = args.indexOf('<');
      const input = from < 0 ? undefined : readFileSync(join(cwd, args[from + 1] as string));
      const given = from < 0 ? args : [...args.slice(0, from), ...args.slice(from + 2)];
      // `apig completion bash > FILE`: standard output into that file, kept inside the scratch folder (any other
      // path, `~/...` or `/etc/...`, is taken as one below the example's folder).
      const to = given.indexOf('>');
      const argv = to < 0 ? given : [...given.slice(0, to), ...given.slice(to + 2)];
      const r = await run.cli(argv.map(readdress), { cwd, env, ...(input ? { input } : {}) });
      if (to >= 0) {
        const target = readdress(given[to + 1] as string);
        const file = target.startsWith(scratch) ? target : join(cwd, target);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, r.stdout);
      }
      const code = expectedExit(c);
      expect({ at: c.at, line: c.line, code: r.code, stderr: r.code === code ? '' : r.stderr }).toEqual({
        at: c.at,
        line: c.line,
        code,
        stderr: '',
      });
      if (c.shown.length > 0) expect(r.stdout, `${c.at}: ${c.line}`).toContain(readdress(c.shown.join('\n')));
      report.ran.push(c.at);
    }
  } finally {
    for (const gateway of gateways.values()) await stopGateway(gateway);
    for (const child of children) {
      const closed = new Promise((r) => child.once('close', r));
      if (child.exitCode === null && child.kill('SIGTERM')) await closed;
    }
    for (const redis of redisServers) await redis.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return report;
}
