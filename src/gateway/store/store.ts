/**
 * The state the gateway's counting shares between requests, behind one interface so that it can live in this
 * process (memory-store.ts, the default: synchronous, the single-process hot path) or be shared by several
 * processes and replicas (a Redis store; the primary process of `--workers`). What it holds: the throttling
 * counters (ruling 4: fixed windows aligned to the epoch, a rejected request consumes nothing) and the AK/SK
 * lock-out (auth/lockout.ts). Every time is the gateway's clock (`now`), never the store's, so that `--clock`
 * holds whatever the store.
 */
import type { CounterCheck } from '../throttle/windows.js';

export type { CounterCheck } from '../throttle/windows.js';

export type MaybePromise<T> = T | Promise<T>;

/**
 * The outcome of one check-and-count. `remain` per hard counter (after this request when it passed);
 * `softRemain` per soft counter, counted only when every hard counter passed (the instance default beside a
 * bound policy: shown, never refusing). `index`: the first exhausted hard counter.
 */
export type Taken =
  | { ok: true; remain: number[]; softRemain: number[] }
  | { ok: false; index: number; remain: number[]; softRemain: number[] };

/** A counter of a window as the dashboard reads it back: its counter key, requests taken, window start. */
export interface CounterReading {
  key: string;
  used: number;
  start: number;
}

export interface StateStore {
  /**
   * Checks every hard counter and takes one from each (and from the soft ones) only if none is exhausted: one
   * atomic step.
   */
  take(hard: readonly CounterCheck[], soft: readonly CounterCheck[], now: number): MaybePromise<Taken>;
  /** Whether the AK is locked out now. */
  locked(ak: string, now: number): MaybePromise<boolean>;
  /** A failed AK/SK signature of a declared AK. */
  failed(ak: string, now: number): MaybePromise<void>;
  succeeded(ak: string): MaybePromise<void>;
  /**
   * The counters of the windows that hold `now` (the dashboard's Throttling view; a shared store may also return
   * ended windows it has not dropped yet: the reader compares `start` with the window it expects). Absent where
   * the counters cannot be read back.
   */
  readCounters?(now: number): MaybePromise<CounterReading[]>;
  /** Releases connections (a no-op in memory). */
  close(): Promise<void>;
}
