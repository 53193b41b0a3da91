/**
 * One worker of `apig serve --workers N`: loads the workspace and serves on the port the workers share, as the
 * single process would, with three things of the primary's: the counters (IpcStore, unless `--state` names a
 * store every worker opens itself), the virtual clock (a move goes to the primary, which moves every worker's)
 * and `--watch` (the primary watches and says when to reload). Its log lines go to the primary, which prints
 * them in one stream. It stops when the primary says so, after the requests in flight.
 */
import { hasErrors } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import { virtualClock, type ClockMove, type VirtualClock } from '../clock.js';
import type { EventSink, GatewayEvent } from '../response/events.js';
import { launch, prepare, referencedFiles, type Launched } from '../start.js';
import { IpcStore } from '../store/ipc-store.js';
import type { StateStore } from '../store/store.js';
import { Outbox } from './outbox.js';
import { isBatch, type Batch, type FromWorker, type ToWorker, type WorkerLog, type WorkerSpec } from './protocol.js';

/** The worker's end of the IPC channel (process.send and process.on('message') in a cluster worker). */
export interface Channel {
  send(batch: Batch<FromWorker>): void;
  onMessage(handler: (message: unknown) => void): void;
}

export interface WorkerHooks {
  /** How an event becomes a log line (the CLI's renderers), given the log settings and the worker's number. */
  render(log: WorkerLog, slot: number): (e: GatewayEvent) => string;
}

/** How long POST /_apig/clock waits for every worker to move. */
const MOVE_TIMEOUT_MS = 10_000;

export interface RunningWorker {
  /** Resolves once the worker has stopped (after `stop`, or a start that failed). */
  done: Promise<void>;
  /** What SIGTERM sent to this worker alone does: finish the requests in flight, then end. */
  stop(graceMs?: number): void;
}

export function runWorker(channel: Channel, hooks: WorkerHooks): RunningWorker {
  const outbox = new Outbox<FromWorker>((batch) => channel.send(batch));
  let launched: Launched | undefined;
  let clock: VirtualClock | undefined;
  let store: IpcStore | undefined;
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let stopped = false;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const moves = new Map<number, () => void>();
  let nextMove = 1;

  const share = (move: ClockMove): Promise<void> =>
    new Promise((resolve, reject) => {
      const id = nextMove++;
      const timer = setTimeout(() => {
        moves.delete(id);
        reject(new Error('the clock could not be moved in every worker: the primary process did not answer'));
      }, MOVE_TIMEOUT_MS);
      moves.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
      outbox.push({ k: 'move', id, move });
    });

  const start = async (spec: WorkerSpec): Promise<void> => {
    const render = spec.log ? hooks.render(spec.log, spec.slot) : undefined;
    // The reload events are the primary's to print, once for all the workers.
    const onEvent: EventSink | undefined = render
      ? (e) => {
          if (e.type !== 'reloaded' && e.type !== 'reload-failed') outbox.push({ k: 'log', text: render(e) });
        }
      : undefined;
    if (spec.clock !== undefined) clock = { ...virtualClock(spec.clock), share };
    try {
      if (!spec.state)
        store = new IpcStore((call) => outbox.push({ k: 'store', call }), {
          onWarning: (message) => onEvent?.({ type: 'warning', message }),
        });
      const shared: StateStore = store ?? (await openShared(spec, onEvent));
      const prepared = await prepare(spec.prepare);
      if (!prepared.config) {
        await shared.close();
        const first = prepared.diagnostics.find((d) => d.severity === 'error');
        throw new ApigError('config', `the workspace has errors; not serving${first ? ` (${first.message})` : ''}`);
      }
      launched = await launch(prepared.config, {
        host: spec.host,
        port: spec.port,
        ...(spec.tls ? { tls: spec.tls } : {}),
        trace: spec.trace,
        ...(onEvent ? { onEvent } : {}),
        store: shared,
        ...(clock ? { virtualClock: clock } : {}),
        ...(spec.watch ? { watch: spec.prepare, watchFiles: false } : {}),
      });
      outbox.push({ k: 'ready', urls: launched.server.urls, files: referencedFiles(prepared.config.workspace) });
    } catch (err) {
      outbox.push({
        k: 'failed',
        message: err instanceof Error ? err.message : String(err),
        expected: err instanceof ApigError,
      });
      outbox.flush();
      finish();
    }
  };

  const reload = async (id: number): Promise<void> => {
    await starting;
    if (!launched) return;
    const diagnostics = await launched.reload();
    const config = launched.gateway.config;
    outbox.push({
      k: 'reloaded',
      id,
      ok: !hasErrors(diagnostics),
      apis: config.apis.length,
      diagnostics,
      files: referencedFiles(config.workspace),
    });
  };

  const stop = (graceMs = 10_000): void => {
    if (stopping) {
      // Asked again (a second Ctrl-C): close what is still open now, unless all is closed already.
      if (!stopped) void launched?.close(0).catch(() => undefined);
      return;
    }
    stopping = (async () => {
      await starting;
      await launched?.close(graceMs);
      await store?.close();
      stopped = true;
      outbox.flush();
      finish();
    })();
  };

  const handle = (m: ToWorker): void => {
    switch (m.k) {
      case 'start':
        starting ??= start(m.spec);
        return;
      case 'store':
        store?.receive(m.down);
        return;
      case 'clock':
        clock?.set(m.at);
        outbox.push({ k: 'clock-set', id: m.id });
        return;
      case 'moved':
        moves.get(m.id)?.();
        moves.delete(m.id);
        return;
      case 'reload':
        void reload(m.id);
        return;
      case 'stop':
        stop(m.graceMs);
        return;
    }
  };

  channel.onMessage((message) => {
    if (isBatch<ToWorker>(message)) for (const m of message.apig) handle(m);
  });
  outbox.push({ k: 'hello' });
  return { done, stop };
}

/** `--state`: the store this worker opens itself (every worker and replica shares it). */
async function openShared(spec: WorkerSpec, onEvent: EventSink | undefined): Promise<StateStore> {
  const { openStore } = await import('../store/open-store.js');
  return openStore(spec.state, { ...(onEvent ? { onEvent } : {}), virtualClock: spec.clock !== undefined });
}
