/**
 * Fixed-window request counters (ruling 4): a limit of N per window counts requests in windows aligned to
 * multiples of the window length since the Unix epoch (UTC). A request is checked against every counter that
 * applies and takes one from each only if none is exhausted, so a rejected request consumes nothing. Checking
 * and taking happen in one synchronous call: with Node's single thread, exactly N requests of a window pass
 * however many arrive at once.
 */

export interface CounterCheck {
  key: string;
  limit: number;
  windowMs: number;
}

export type TakeResult =
  | { ok: true; remain: number[] }
  /** `index`: the first exhausted counter. */
  | { ok: false; index: number; remain: number[] };

interface Slot {
  start: number;
  count: number;
  windowMs: number;
}

/** Entries of windows that have ended are dropped now and then, so that source IPs do not pile up. */
const PRUNE_EVERY = 4096;
/**
 * At most this many counters at once, whatever the window lengths: per-IP counters of a day-long window would
 * otherwise keep one entry per client for a day. Past it, ended windows are dropped first, then the counters
 * least recently taken from ([ours]: under a flood of distinct clients the counts of quiet ones are forgotten).
 */
export const MAX_COUNTERS = 100_000;

export function windowStart(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

export class WindowCounters {
  private readonly slots = new Map<string, Slot>();
  private takes = 0;
  /** The take count at the last prune, so that a full table of live windows is not scanned on every take. */
  private prunedAt = 0;
  private readonly maxCounters: number;

  constructor(options: { maxCounters?: number } = {}) {
    this.maxCounters = Math.max(1, options.maxCounters ?? MAX_COUNTERS);
  }

  /** Requests taken so far in the window that holds `now`. */
  used(key: string, windowMs: number, now: number): number {
    const s = this.slots.get(key);
    return s && s.start === windowStart(now, windowMs) ? s.count : 0;
  }

  take(checks: readonly CounterCheck[], now: number): TakeResult {
    const remain = checks.map((c) => c.limit - this.used(c.key, c.windowMs, now));
    const index = remain.findIndex((r) => r <= 0);
    if (index !== -1) return { ok: false, index, remain: remain.map((r) => Math.max(0, r)) };
    for (const c of checks) {
      const start = windowStart(now, c.windowMs);
      const s = this.slots.get(c.key);
      if (s && s.start === start) {
        s.count++;
        // Once the table is half full, a counter taken from goes to the back: Map order is then least recently
        // used first, so the bound drops the counters of clients gone quiet, never the API counter every request
        // takes from. (Below half nothing is dropped, and the hot path skips the move.)
        if (this.slots.size > this.maxCounters >> 1) {
          this.slots.delete(c.key);
          this.slots.set(c.key, s);
        }
      } else {
        this.slots.delete(c.key);
        this.slots.set(c.key, { start, count: 1, windowMs: c.windowMs });
      }
    }
    this.takes++;
    if (this.takes % PRUNE_EVERY === 0) this.prune(now);
    if (this.slots.size > this.maxCounters) this.bound(now);
    return { ok: true, remain: remain.map((r) => r - 1) };
  }

  private prune(now: number): void {
    this.prunedAt = this.takes;
    for (const [k, s] of this.slots) if (s.start + s.windowMs <= now) this.slots.delete(k);
  }

  private bound(now: number): void {
    if (this.takes - this.prunedAt >= PRUNE_EVERY / 16) this.prune(now);
    for (const k of this.slots.keys()) {
      if (this.slots.size <= this.maxCounters) return;
      this.slots.delete(k);
    }
  }

  get size(): number {
    return this.slots.size;
  }
}
