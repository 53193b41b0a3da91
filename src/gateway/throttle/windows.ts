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

  /** The counters of the windows that hold `now`, as [key, requests taken, window length] (the dashboard's view). */
  *current(now: number): Generator<[string, number, number]> {
    for (const [key, s] of this.slots) if (s.start === windowStart(now, s.windowMs)) yield [key, s.count, s.windowMs];
  }

  take(checks: readonly CounterCheck[], now: number): TakeResult {
    // One lookup per counter: the slots found are kept for the taking (the hot path of every request).
    const n = checks.length;
    const remain = new Array<number>(n);
    const found = new Array<Slot | undefined>(n);
    let exhausted = -1;
    for (let i = 0; i < n; i++) {
      const c = checks[i] as CounterCheck;
      const s = this.slots.get(c.key);
      const live = s !== undefined && s.start === windowStart(now, c.windowMs) ? s : undefined;
      found[i] = live;
      const r = c.limit - (live ? live.count : 0);
      remain[i] = r;
      if (r <= 0 && exhausted === -1) exhausted = i;
    }
    if (exhausted !== -1) return { ok: false, index: exhausted, remain: remain.map((r) => Math.max(0, r)) };
    for (let i = 0; i < n; i++) {
      this.bump(checks[i] as CounterCheck, found[i], now);
      remain[i] = (remain[i] as number) - 1;
    }
    this.taken(now);
    return { ok: true, remain };
  }

  /**
   * Takes one from a counter that refuses nothing (the instance default beside a bound policy): counted while
   * any is left, left at 0 once none is. Returns what remains.
   */
  takeSoft(c: CounterCheck, now: number): number {
    const s = this.slots.get(c.key);
    const live = s !== undefined && s.start === windowStart(now, c.windowMs) ? s : undefined;
    const left = c.limit - (live ? live.count : 0);
    if (left <= 0) return 0;
    this.bump(c, live, now);
    this.taken(now);
    return left - 1;
  }

  /** One more request in `c`'s current window; `live`: its slot when it is of that window. */
  private bump(c: CounterCheck, live: Slot | undefined, now: number): void {
    if (live) {
      live.count++;
      // Once the table is half full, a counter taken from goes to the back: Map order is then least recently
      // used first, so the bound drops the counters of clients gone quiet, never the API counter every request
      // takes from. (Below half nothing is dropped, and the hot path skips the move.)
      if (this.slots.size > this.maxCounters >> 1) {
        this.slots.delete(c.key);
        this.slots.set(c.key, live);
      }
      return;
    }
    const start = windowStart(now, c.windowMs);
    // A new window (the slot found is stale or absent): one made earlier in this same take, if any, is counted.
    const made = this.slots.get(c.key);
    if (made && made.start === start) made.count++;
    else {
      this.slots.delete(c.key);
      this.slots.set(c.key, { start, count: 1, windowMs: c.windowMs });
    }
  }

  private taken(now: number): void {
    this.takes++;
    if (this.takes % PRUNE_EVERY === 0) this.prune(now);
    if (this.slots.size > this.maxCounters) this.bound(now);
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
