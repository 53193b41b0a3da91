/**
 * The primary process of `apig serve --workers N` (node:cluster): forks the workers, which share one port, and
 * keeps what must be one for all of them: the counters (one MemoryStore answering every worker's IpcStore
 * calls, one at a time, unless `--state` names a store the workers open themselves), the virtual clock (each
 * move reaches every worker before POST /_apig/clock is answered), `--watch` (one watcher; every worker
 * reloads; one line says how it went) and the log (the workers' lines, printed in one stream). A worker that
 * ends is replaced, after a delay that grows while replacements keep ending soon after they start.
 *
 * Scheduling: round-robin (SCHED_RR, node:cluster's default except on Windows): the primary accepts each
 * connection and hands it to the next worker in turn. Leaving it to the operating system (SCHED_NONE) lets
 * the kernel wake whichever worker it likes, which on Linux piles most connections on one or two processes.
 */
import cluster, { type Worker } from 'node:cluster';
import { ApigError } from '../../core/errors.js';
import { moveClock, type VirtualClock } from '../clock.js';
import type { GatewayEvent } from '../response/events.js';
import { StoreServer } from '../store/ipc-server.js';
import { MemoryStore } from '../store/memory-store.js';
import { watchFiles, type FileWatcher } from '../watch.js';
import { Outbox } from './outbox.js';
import { isBatch, type ClusterEvent, type FromWorker, type ToWorker, type WorkerSpec } from './protocol.js';
import { Restarts } from './restarts.js';
import { Rounds } from './rounds.js';

type Reloaded = Extract<FromWorker, { k: 'reloaded' }>;

export interface ClusterOptions {
  /** The module each worker runs (node:cluster `exec`). */
  exec: string;
  workers: number;
  /** What every worker serves; each gets its number and the clock's time when it starts. */
  spec: Omit<WorkerSpec, 'slot' | 'clock'>;
  /** `--clock`: the clock every worker follows. */
  virtualClock?: VirtualClock;
  /** `--watch`: the files the workspace was loaded from. */
  watchFiles?: readonly string[];
  /** The primary's own events (a reload, for all the workers). */
  onEvent?: (e: GatewayEvent) => void;
  onCluster?: (e: ClusterEvent) => void;
  /** A worker's log line, rendered by the worker. */
  onLog?: (text: string) => void;
}

export interface RunningCluster {
  urls: string[];
  /** The workers' process ids, by number. */
  pids(): number[];
  /** Every worker finishes its requests in flight (at most `graceMs`), then ends; resolves once all have. */
  close(graceMs?: number): Promise<void>;
}

interface Member {
  slot: number;
  worker: Worker;
  pid: number;
  outbox: Outbox<ToWorker>;
  /** Sent its spec: moves of the clock are sent to it. */
  started: boolean;
  /** The ports it was told to listen on. */
  listen: Pick<WorkerSpec, 'port' | 'tls'>;
  ready: boolean;
  startedAt: number;
  exited: Promise<void>;
}

/** How long past its grace a worker may take to end before it is killed. */
const KILL_AFTER_MS = 5_000;

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const members = new Map<number, Member>();
  /** By node:cluster's worker id: a replacement holds none of the grants of the worker it replaces. */
  const byId = new Map<number, Member>();
  const store = new MemoryStore();
  const counters = new StoreServer(
    store,
    (id, down) => byId.get(id)?.outbox.push({ k: 'store', down }),
    () => members.size,
  );
  const restarts = new Restarts();
  const spec = options.spec;
  /** The ports the workers listen on, once known (given port 0, the ones the first workers got). */
  let bound: Pick<WorkerSpec, 'port' | 'tls'> = { port: spec.port, ...(spec.tls ? { tls: spec.tls } : {}) };
  let serving = false;
  let stopping: Promise<void> | undefined;
  let watcher: FileWatcher | undefined;
  let urls: string[] = [];
  let startup: { resolve(): void; reject(err: Error): void } | undefined;

  // A clock move waits for every started worker to set its clock.
  const moves = new Rounds<Member, null>();
  // Reloads: one at a time; an edit during one runs another after it. One line says how it went for all.
  const reloads = new Rounds<Member, Reloaded>();
  let again = false;
  const reloadAll = (): void => {
    if (stopping) return;
    if (reloads.busy) {
      again = true;
      return;
    }
    const ready = [...members.values()].filter((m) => m.ready);
    reloads.start(ready, (m, id) => m.outbox.push({ k: 'reload', id }), reloaded);
  };
  const reloaded = (replies: Reloaded[]): void => {
    const failed = replies.find((r) => !r.ok);
    const first = replies[0];
    if (first) {
      const diagnostics = (failed ?? first).diagnostics;
      options.onEvent?.(
        failed ? { type: 'reload-failed', diagnostics } : { type: 'reloaded', apis: first.apis, diagnostics },
      );
      if (!failed) rewatch(first.files);
    }
    if (again) {
      again = false;
      reloadAll();
    }
  };
  const rewatch = (files: readonly string[]): void => {
    watcher?.close();
    watcher = watchFiles(files, reloadAll);
  };

  const onMessage = (member: Member, m: FromWorker): void => {
    switch (m.k) {
      case 'hello': {
        // Stopping already: a stop sent before the worker listened for messages may have been lost.
        if (stopping) {
          member.outbox.push({ k: 'stop', graceMs: 0 });
          return;
        }
        member.started = true;
        // node:cluster shares a listening socket among the workers that listen with the same arguments: a
        // replacement listens as the others did (port 0 included). With none left the socket is gone, and it
        // listens on the port number the others had, so that the address stays the same.
        const other = [...members.values()].find((x) => x !== member && x.ready);
        member.listen = other ? other.listen : bound;
        member.outbox.push({
          k: 'start',
          spec: {
            ...spec,
            ...member.listen,
            slot: member.slot,
            ...(options.virtualClock ? { clock: options.virtualClock.now() } : {}),
          },
        });
        return;
      }
      case 'ready':
        member.ready = true;
        if (serving) options.onCluster?.({ type: 'worker-replaced', worker: member.slot, pid: member.pid });
        else if ([...members.values()].every((x) => x.ready)) {
          urls = m.urls;
          startup?.resolve();
        }
        return;
      case 'failed':
        if (!serving) startup?.reject(m.expected ? new ApigError('usage', m.message) : new Error(m.message));
        else options.onCluster?.({ type: 'worker-failed', worker: member.slot, pid: member.pid, message: m.message });
        return;
      case 'log':
        options.onLog?.(m.text);
        return;
      case 'store':
        counters.call(member.worker.id, m.call);
        return;
      case 'move': {
        const clock = options.virtualClock;
        if (clock) moveClock(clock, m.move);
        const at = clock?.now() ?? 0;
        moves.start(
          [...members.values()].filter((x) => x.started),
          (x, id) => x.outbox.push({ k: 'clock', id, at }),
          () => member.outbox.push({ k: 'moved', id: m.id }),
        );
        return;
      }
      case 'clock-set':
        moves.answer(m.id, member, null);
        return;
      case 'reloaded':
        reloads.answer(m.id, member, m);
        return;
    }
  };

  const onExit = (member: Member, code: number | null, signal: string | null): void => {
    if (members.get(member.slot) === member) members.delete(member.slot);
    byId.delete(member.worker.id);
    counters.gone(member.worker.id);
    moves.gone(member);
    reloads.gone(member);
    if (stopping) return;
    if (!serving) {
      const how = signal !== null ? `was killed by ${signal}` : `ended with code ${code ?? '?'}`;
      startup?.reject(new Error(`worker ${member.slot} ${how} before it listened`));
      return;
    }
    const delay = restarts.schedule(member.slot, member.startedAt, () => {
      if (!stopping) fork(member.slot);
    });
    options.onCluster?.({
      type: 'worker-exit',
      worker: member.slot,
      pid: member.pid,
      code,
      signal,
      restartInMs: delay,
    });
  };

  const fork = (slot: number): Member => {
    const worker = cluster.fork();
    let exited: () => void = () => undefined;
    const member: Member = {
      slot,
      worker,
      pid: worker.process.pid ?? 0,
      outbox: new Outbox<ToWorker>((batch) => {
        if (worker.isConnected()) worker.send(batch, undefined, () => undefined);
      }),
      started: false,
      listen: bound,
      ready: false,
      startedAt: Date.now(),
      exited: new Promise((resolve) => {
        exited = resolve;
      }),
    };
    members.set(slot, member);
    byId.set(worker.id, member);
    worker.on('message', (batch: unknown) => {
      if (isBatch<FromWorker>(batch)) for (const m of batch.apig) onMessage(member, m);
    });
    // A worker whose channel breaks is ended by node:cluster; nothing to report twice.
    worker.on('error', () => undefined);
    worker.on('exit', (code: number | null, signal: string | null) => {
      exited();
      onExit(member, code, signal);
    });
    return member;
  };

  const close = (graceMs = 10_000): Promise<void> => {
    if (stopping) {
      for (const m of members.values()) m.outbox.push({ k: 'stop', graceMs: 0 });
      return stopping;
    }
    stopping = (async () => {
      watcher?.close();
      restarts.cancel();
      const all = [...members.values()];
      for (const m of all) m.outbox.push({ k: 'stop', graceMs });
      const kill = setTimeout(() => {
        for (const m of all) if (m.worker.process.exitCode === null) m.worker.process.kill('SIGKILL');
      }, graceMs + KILL_AFTER_MS);
      await Promise.all(all.map((m) => m.exited));
      clearTimeout(kill);
      await store.close();
    })();
    return stopping;
  };

  cluster.schedulingPolicy = cluster.SCHED_RR;
  cluster.setupPrimary({ exec: options.exec, args: [], silent: false });
  const started = new Promise<void>((resolve, reject) => {
    startup = { resolve, reject };
  });
  for (let slot = 1; slot <= options.workers; slot++) fork(slot);
  try {
    await started;
  } catch (err) {
    await close(0);
    throw err;
  }
  serving = true;
  startup = undefined;
  const http = urls.find((u) => u.startsWith('http:'));
  const https = urls.find((u) => u.startsWith('https:'));
  bound = {
    port: http ? Number(new URL(http).port) : spec.port,
    ...(spec.tls ? { tls: { ...spec.tls, port: https ? Number(new URL(https).port) : spec.tls.port } } : {}),
  };
  if (options.watchFiles) rewatch(options.watchFiles);
  return {
    urls,
    pids: () => [...members.values()].sort((a, b) => a.slot - b.slot).map((m) => m.pid),
    close,
  };
}
