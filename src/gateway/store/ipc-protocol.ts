/**
 * What a worker's IpcStore (ipc-store.ts) and the primary's StoreServer (ipc-server.ts) say to each other.
 *
 * Grants: when a counter is far from its limit, the primary hands the worker that asked a few of the tokens
 * left (it counts them as taken), and the worker takes from them without asking, synchronously, until they
 * run out or the window ends: the hot path of a busy API sends nothing. Near the limit nothing is granted,
 * and before the primary refuses a request for want of a token, it calls back the tokens workers hold unused
 * (a recall), so that "exactly N pass" holds whatever worker each request lands on.
 */
import type { CounterCheck } from '../throttle/windows.js';
import type { Taken } from './store.js';

/** A counter's window: its key and the start of the window (epoch ms). */
export interface WindowKey {
  key: string;
  start: number;
}

/** A worker's grant of a counter, as of the latest tokens it received (`serial`). */
export interface Holding extends WindowKey {
  /** The latest grant's number: a report about an older one does not end a newer one still on its way. */
  serial: number;
}

export interface Grant extends Holding {
  windowMs: number;
  /** The counter's limit when granted: a worker drops a grant whose limit has changed (a reload). */
  limit: number;
  tokens: number;
  /** What was left unallocated after this grant: with the tokens left, the `remain` a worker shows. */
  remain: number;
}

export type StoreCall =
  | {
      id: number;
      op: 'take';
      hard: readonly CounterCheck[];
      soft: readonly CounterCheck[];
      now: number;
      /** Grants used up since the last call: the primary may grant those counters again. */
      drained?: Holding[];
    }
  /** More tokens for grants running low (half used): the busy counters' requests never wait for the primary. */
  | { id: number; op: 'refill'; counters: readonly CounterCheck[]; now: number }
  | { id: number; op: 'locked'; ak: string; now: number }
  | { id: number; op: 'failed'; ak: string; now: number }
  | { id: number; op: 'succeeded'; ak: string }
  /** Whether the primary answers again, after a timeout. */
  | { id: number; op: 'ping' }
  /** Tokens handed back unused: the answer to a recall (its id), or 0 when the worker gives them back unasked. */
  | { id: number; op: 'return'; tokens: Array<Holding & { tokens: number }> };

export type StoreValue = Taken | boolean | null;

export interface StoreReply {
  id: number;
  value: StoreValue;
  grants?: Grant[];
}

export type StoreDown = { reply: StoreReply } | { recall: { id: number; keys: WindowKey[] } };
