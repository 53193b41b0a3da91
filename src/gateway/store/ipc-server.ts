/**
 * The primary's side of the workers' state store: one MemoryStore answers every worker's calls, one at a time
 * in arrival order, so that a check-and-count is as atomic across the workers as it is in one process. It also
 * grants and recalls tokens (ipc-protocol.ts): a counter's tokens granted to a worker count as taken until the
 * worker gives back the ones it did not use; a take is decided against the limit less the tokens workers hold,
 * and one that would be refused while a worker still holds unused tokens of the counter waits for a recall (the
 * calls that arrive meanwhile wait behind it, in order).
 */
import { windowStart, type CounterCheck } from '../throttle/windows.js';
import type { Grant, Holding, StoreCall, StoreDown, StoreReply, StoreValue, WindowKey } from './ipc-protocol.js';
import type { MemoryStore } from './memory-store.js';

/** A grant is at most MAX_GRANT tokens, and a quarter of what is left shared by the workers; none below MIN. */
const MAX_GRANT = 1024;
const MIN_GRANT = 8;
/** Counters with grants held at most; past it nothing more is granted (windows that ended are pruned first). */
const MAX_HELD = 50_000;
const PRUNE_EVERY = 4096;
/** How long a recall waits for the workers' answers. */
const RECALL_TIMEOUT_MS = 1000;

interface Held {
  start: number;
  windowMs: number;
  /** Granted in the window `start`, less what was given back: taken, or held unused. */
  tokens: number;
  /** The worker may still hold some unused. */
  holding: boolean;
  /** The latest grant's number. */
  serial: number;
}

type TakeCall = Extract<StoreCall, { op: 'take' }>;
type RefillCall = Extract<StoreCall, { op: 'refill' }>;
/** A call that is answered (a `return` is not). */
type Question = Exclude<StoreCall, { op: 'return' }>;

/** A call that needs nothing but the store (also what a worker that lost its primary answers from its own). */
export function answerCall(store: MemoryStore, call: Exclude<Question, TakeCall>): StoreValue {
  switch (call.op) {
    case 'refill':
      return null;
    case 'locked':
      return store.locked(call.ak, call.now);
    case 'failed':
      store.failed(call.ak, call.now);
      return null;
    case 'succeeded':
      store.succeeded(call.ak);
      return null;
    case 'ping':
      return null;
  }
}

export class StoreServer {
  /** Counter key → worker → its grants in the counter's current (or last) window. */
  private readonly held = new Map<string, Map<number, Held>>();
  private readonly waiting: Array<{ worker: number; call: Question }> = [];
  private recall: { id: number; from: Set<number>; timer: NodeJS.Timeout } | undefined;
  private nextRecall = 1;
  private takes = 0;
  private serial = 0;

  constructor(
    private readonly store: MemoryStore,
    /** To one worker, by its id. */
    private readonly send: (worker: number, message: StoreDown) => void,
    /** How many workers share the counters. */
    private readonly workers: () => number,
  ) {}

  /** A call from a worker: answered now, or once the recall under way is done. */
  call(worker: number, call: StoreCall): void {
    if (call.op === 'return') {
      this.giveBack(worker, call.tokens, call.id !== 0);
      if (call.id !== 0 && this.recall?.id === call.id && this.recall.from.delete(worker)) this.resume();
      return;
    }
    if (this.recall) this.waiting.push({ worker, call });
    else this.answer(worker, call);
  }

  /** A worker ended: the tokens it held are spent for their window (a few requests fewer may pass in it). */
  gone(worker: number): void {
    for (const byWorker of this.held.values()) {
      const h = byWorker.get(worker);
      if (h) h.holding = false;
    }
    if (this.recall?.from.delete(worker)) this.resume();
  }

  private resume(): void {
    if (!this.recall || this.recall.from.size > 0) return;
    clearTimeout(this.recall.timer);
    this.recall = undefined;
    while (!this.recall && this.waiting.length > 0) {
      const next = this.waiting.shift() as { worker: number; call: Question };
      this.answer(next.worker, next.call);
    }
  }

  private answer(worker: number, call: Question): void {
    if (call.op === 'refill') {
      const grants = this.refill(worker, call);
      this.send(worker, { reply: { id: call.id, value: null, ...(grants.length > 0 ? { grants } : {}) } });
      return;
    }
    if (call.op !== 'take') {
      this.send(worker, { reply: { id: call.id, value: answerCall(this.store, call) } });
      return;
    }
    const reply = this.take(worker, call);
    // A recall started: this call is answered first when it is done.
    if (reply) this.send(worker, { reply });
    else this.waiting.unshift({ worker, call });
  }

  private take(worker: number, call: TakeCall): StoreReply | undefined {
    const now = call.now;
    for (const d of call.drained ?? []) {
      const h = this.held.get(d.key)?.get(worker);
      if (h && h.start === d.start && h.serial === d.serial) h.holding = false;
    }
    if (++this.takes % PRUNE_EVERY === 0) this.prune(now);
    const taken = this.store.take(this.unallocated(call.hard, now), this.unallocated(call.soft, now), now);
    if (!taken.ok) {
      const over = call.hard[taken.index] as CounterCheck;
      const key = { key: over.key, start: windowStart(now, over.windowMs) };
      const holders = this.holders(key);
      if (holders.length > 0) {
        this.startRecall(holders, key);
        return undefined;
      }
      return { id: call.id, value: taken };
    }
    const grants: Grant[] = [];
    for (const [i, c] of call.hard.entries()) this.grant(worker, c, taken.remain[i] ?? 0, call.now, false, grants);
    for (const [i, c] of call.soft.entries()) this.grant(worker, c, taken.softRemain[i] ?? 0, call.now, false, grants);
    return grants.length > 0 ? { id: call.id, value: taken, grants } : { id: call.id, value: taken };
  }

  /** More tokens for the worker's grants of these counters, while they are far from their limits. */
  private refill(worker: number, call: RefillCall): Grant[] {
    const grants: Grant[] = [];
    const checks = this.unallocated(call.counters, call.now);
    checks.forEach((c, i) => {
      const remain = c.limit - this.store.counters.used(c.key, c.windowMs, call.now);
      this.grant(worker, call.counters[i] as CounterCheck, remain, call.now, true, grants);
    });
    return grants;
  }

  /** The counters with their limits less the tokens workers hold in the current window. */
  private unallocated(checks: readonly CounterCheck[], now: number): readonly CounterCheck[] {
    if (this.held.size === 0) return checks;
    let out: CounterCheck[] | undefined;
    checks.forEach((c, i) => {
      const byWorker = this.held.get(c.key);
      if (!byWorker) return;
      const start = windowStart(now, c.windowMs);
      let allocated = 0;
      for (const h of byWorker.values()) if (h.start === start) allocated += h.tokens;
      if (allocated === 0) return;
      out ??= [...checks];
      out[i] = { ...c, limit: c.limit - allocated };
    });
    return out ?? checks;
  }

  private holders(k: WindowKey): number[] {
    const byWorker = this.held.get(k.key);
    if (!byWorker) return [];
    return [...byWorker].filter(([, h]) => h.holding && h.start === k.start).map(([w]) => w);
  }

  private startRecall(from: number[], key: WindowKey): void {
    const id = this.nextRecall++;
    // A worker that does not answer (stuck) does not hold up the others: its tokens count as spent.
    const timer = setTimeout(() => {
      for (const w of from) this.gone(w);
    }, RECALL_TIMEOUT_MS);
    timer.unref();
    this.recall = { id, from: new Set(from), timer };
    for (const w of from) this.send(w, { recall: { id, keys: [key] } });
  }

  /**
   * Tokens a worker gave back. The answer to a recall says all it holds (every grant sent before the recall
   * reached it first: the channel keeps order); tokens given back unasked may have crossed a newer grant on
   * its way to the worker, which it then holds.
   */
  private giveBack(worker: number, tokens: ReadonlyArray<Holding & { tokens: number }>, recalled: boolean): void {
    for (const t of tokens) {
      const h = this.held.get(t.key)?.get(worker);
      if (!h || h.start !== t.start) continue;
      h.tokens -= t.tokens;
      if (recalled || h.serial === t.serial) h.holding = false;
    }
  }

  /**
   * Tokens of a counter `remain` away from its limit (unallocated), when that is far: to a worker that holds
   * none in this window, or (`more`) to top up the grant it holds.
   */
  private grant(worker: number, c: CounterCheck, remain: number, now: number, more: boolean, out: Grant[]): void {
    if (this.held.size >= MAX_HELD) return;
    const tokens = Math.min(MAX_GRANT, Math.floor(remain / (4 * Math.max(1, this.workers()))));
    if (tokens < MIN_GRANT) return;
    const start = windowStart(now, c.windowMs);
    let byWorker = this.held.get(c.key);
    const mine = byWorker?.get(worker);
    const holds = mine?.holding === true && mine.start === start;
    if (holds !== more) return;
    if (!byWorker) {
      byWorker = new Map();
      this.held.set(c.key, byWorker);
    }
    const before = mine?.start === start ? mine.tokens : 0;
    const serial = ++this.serial;
    byWorker.set(worker, { start, windowMs: c.windowMs, tokens: before + tokens, holding: true, serial });
    out.push({ key: c.key, start, serial, windowMs: c.windowMs, limit: c.limit, tokens, remain: remain - tokens });
  }

  /** Grants of windows that have ended. */
  private prune(now: number): void {
    for (const [key, byWorker] of this.held) {
      for (const [w, h] of byWorker) if (h.start + h.windowMs <= now) byWorker.delete(w);
      if (byWorker.size === 0) this.held.delete(key);
    }
  }
}
