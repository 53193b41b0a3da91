/**
 * The module each worker of `apig serve --workers N` runs (node:cluster forks it; serve-workers.ts is the
 * primary's side). It serves until the primary says to stop, then ends: this is the worker process's main.
 */
import cluster from 'node:cluster';
import { Chalk } from 'chalk';
import { runWorker } from '../gateway/cluster/worker.js';
import { workerRender } from './serve-render.js';

// Ctrl-C and a hang-up reach every process of the terminal's group: the primary decides, and tells each
// worker to finish its requests in flight. SIGTERM sent to one worker alone drains it (the primary replaces it).
for (const s of ['SIGINT', 'SIGHUP'] as const) process.on(s, () => undefined);

const worker = runWorker(
  {
    send: (batch) => {
      if (process.connected) process.send?.(batch, undefined, undefined, () => undefined);
    },
    onMessage: (handler) => process.on('message', handler),
  },
  { render: (log, slot) => workerRender(log.format, slot, { color: new Chalk({ level: log.color ? 1 : 0 }) }) },
);
process.on('SIGTERM', () => worker.stop());
await worker.done;
// Ends once the channel is closed; something left open (a socket still closing) gets a moment, no more.
setTimeout(() => process.exit(0), 1000).unref();
cluster.worker?.disconnect();
