/**
 * `apig serve --workers N` (N > 1): the primary process's side. It forks N workers (gateway/cluster/), which
 * share the port; each loads the workspace and serves as the single process would, and renders its own log
 * lines, which this process prints in one stream, each naming its worker (`[w2] ` in text, `"worker": 2` in
 * JSON). What the command prints at start (the listening line, the route and fidelity tables) it prints once.
 * Loaded only when N > 1: `--workers 1` runs no cluster code.
 */
import { lookup } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import { ApigError } from '../core/errors.js';
import { startCluster } from '../gateway/cluster/primary.js';
import type { ClusterEvent } from '../gateway/cluster/protocol.js';
import { referencedFiles, type GatewayConfig, type LaunchOptions, type PrepareOptions } from '../gateway/index.js';
import type { StateSpec } from '../gateway/store/state-spec.js';
import type { Io } from './io.js';
import { eventJson, renderEvent } from './serve-render.js';

export interface WorkersOptions extends LaunchOptions {
  workers: number;
  /** How each worker loads the workspace (what the primary loaded it with). */
  prepare: PrepareOptions;
  io: Io;
  json: boolean;
  showPath(d: Diagnostic): Diagnostic;
  /** `--state`: the store each worker opens itself. */
  state?: StateSpec;
}

/** What serve.ts uses of a launch: the URLs, and a graceful stop. */
export interface LaunchedWorkers {
  server: { urls: string[] };
  close(graceMs?: number): Promise<void>;
}

/** The module a worker runs: built beside this one (dist/cli/). */
const WORKER_MAIN = fileURLToPath(new URL('./serve-worker-main.js', import.meta.url));

export async function launchWorkers(config: GatewayConfig, options: WorkersOptions): Promise<LaunchedWorkers> {
  const { io, json } = options;
  if (!existsSync(WORKER_MAIN))
    throw new ApigError('usage', `--workers needs the built CLI (npm run build): ${WORKER_MAIN} is missing`);
  const { adjust: _adjust, ...prepare } = options.prepare;
  // The primary opened the store to check it answers (exit 2 at once if not); each worker opens its own.
  await options.store?.close();
  const tls = options.tls;
  // node:cluster tells a worker's listening sockets apart by the order they are opened in; with HTTP and HTTPS
  // both on port 0 and a host name (resolved by the thread pool, in no set order), a worker could take one for
  // the other. An address is resolved in order: the host is resolved here, once, as listen() would.
  const host =
    tls && isIP(options.host) === 0
      ? // Not found: each worker says so as the single process would.
        (await lookup(options.host).catch(() => ({ address: options.host }))).address
      : options.host;
  const running = await startCluster({
    exec: WORKER_MAIN,
    workers: options.workers,
    spec: {
      prepare,
      host,
      port: options.port,
      ...(tls ? { tls: { cert: tls.cert.toString(), key: tls.key.toString(), port: tls.port } } : {}),
      trace: options.trace === true,
      watch: options.watch !== undefined,
      log: { format: json ? 'json' : 'pretty', color: io.useColor },
      ...(options.state ? { state: options.state } : {}),
    },
    ...(options.virtualClock ? { virtualClock: options.virtualClock } : {}),
    ...(options.watch ? { watchFiles: referencedFiles(config.workspace) } : {}),
    onEvent: (e) => io.err(json ? eventJson(e) : renderEvent(e, io, options.showPath)),
    onCluster: (e) => io.err(json ? `${JSON.stringify(e)}\n` : renderCluster(e, io)),
    onLog: (text) => io.err(text),
  });
  const pids = running.pids();
  const counters = options.state ? 'in the state store' : 'kept by the primary process';
  io.out(
    json
      ? `${JSON.stringify({ type: 'workers', count: pids.length, pids, primary: process.pid })}\n`
      : `${pids.length} worker processes (pids ${pids.join(', ')}) share the port; counters ${counters}\n`,
  );
  return { server: { urls: running.urls }, close: running.close };
}

function renderCluster(e: ClusterEvent, io: Pick<Io, 'color'>): string {
  switch (e.type) {
    case 'worker-exit': {
      const how = e.signal !== null ? `was killed by ${e.signal}` : `ended with code ${e.code ?? '?'}`;
      const when = e.restartInMs === 0 ? 'now' : `in ${e.restartInMs / 1000} s`;
      return (
        `${io.color.yellow('warn')} worker ${e.worker} (pid ${e.pid}) ${how}; ` +
        `a new worker ${e.worker} starts ${when}\n`
      );
    }
    case 'worker-replaced':
      return `worker ${e.worker} replaced (pid ${e.pid}): serving\n`;
    case 'worker-failed':
      return `${io.color.red('error')} a new worker ${e.worker} (pid ${e.pid}) could not start: ${e.message}\n`;
  }
}
