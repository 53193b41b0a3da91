/**
 * What the primary process of `apig serve --workers N` and its workers say to each other over node:cluster's IPC
 * channel. Every message travels in a batch (`{ apig: [...] }`, outbox.ts): under load, one write carries the
 * state-store calls and log lines of a whole turn of the event loop instead of one write each.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { ClockMove } from '../clock.js';
import type { PrepareOptions } from '../start.js';
import type { StoreCall, StoreDown } from '../store/ipc-protocol.js';
import type { StateSpec } from '../store/state-spec.js';

/** How a worker writes its log lines (it renders them itself; the primary prints them in one stream). */
export interface WorkerLog {
  format: 'pretty' | 'json';
  color: boolean;
}

/** Everything a worker needs to load the workspace and serve as the single process would: its first message. */
export interface WorkerSpec {
  /** The worker's number in the log, 1..N; a replacement takes the number of the worker it replaces. */
  slot: number;
  prepare: Omit<PrepareOptions, 'adjust'>;
  host: string;
  port: number;
  tls?: { cert: string; key: string; port: number };
  trace: boolean;
  /** `--watch`: the primary watches the files and tells the workers to reload. */
  watch: boolean;
  /** `--clock`: the virtual clock's time now; the primary keeps the clock and tells every worker each move. */
  clock?: number;
  /** Undefined: no log (the bench). */
  log?: WorkerLog;
  /** `--state`: the store each worker opens itself; undefined: the primary keeps the counters. */
  state?: StateSpec;
}

export type FromWorker =
  /** Listening for messages: the primary answers with `start` (a message sent earlier could be lost). */
  | { k: 'hello' }
  /** Listening: its URLs, and the files its configuration was loaded from (what `--watch` watches). */
  | { k: 'ready'; urls: string[]; files: string[] }
  /** Could not start: the message, and whether it is the user's to fix (exit 2) or internal. */
  | { k: 'failed'; message: string; expected: boolean }
  | { k: 'log'; text: string }
  | { k: 'store'; call: StoreCall }
  /** POST /_apig/clock reached this worker: the primary moves the clock of every worker. */
  | { k: 'move'; id: number; move: ClockMove }
  /** The clock is set as told (`clock` below). */
  | { k: 'clock-set'; id: number }
  | { k: 'reloaded'; id: number; ok: boolean; apis: number; diagnostics: Diagnostic[]; files: string[] };

export type ToWorker =
  | { k: 'start'; spec: WorkerSpec }
  | { k: 'store'; down: StoreDown }
  /** Set the virtual clock to `at` (epoch ms), then say `clock-set`. */
  | { k: 'clock'; id: number; at: number }
  /** The move asked for is done in every worker. */
  | { k: 'moved'; id: number }
  | { k: 'reload'; id: number }
  /** Finish the requests in flight (at most `graceMs`), then end. */
  | { k: 'stop'; graceMs: number };

/** What the primary tells its host about the workers (the CLI prints these). */
export type ClusterEvent =
  /** A worker ended while serving; a new one takes its number after `restartInMs`. */
  | {
      type: 'worker-exit';
      worker: number;
      pid: number;
      code: number | null;
      signal: string | null;
      restartInMs: number;
    }
  /** A replacement listens. */
  | { type: 'worker-replaced'; worker: number; pid: number }
  /** A replacement could not start (it ends; the next try waits longer). */
  | { type: 'worker-failed'; worker: number; pid: number; message: string };

export interface Batch<T> {
  apig: T[];
}

export function isBatch<T>(m: unknown): m is Batch<T> {
  return typeof m === 'object' && m !== null && Array.isArray((m as { apig?: unknown }).apig);
}
