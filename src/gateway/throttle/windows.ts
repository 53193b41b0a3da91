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

interface Slot { start: number; count: number; windowMs: number }

/** Entries of windows that have ended are dropped now and then, so that source IPs do not pile up. */
const PRUNE_EVERY = 4096;

export function windowStart(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

export class WindowCounters {
  private readonly slots = new Map<string, Slot>();
  private takes = 0;

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
      if (s && s.start === start) s.count++;
      else this.slots.set(c.key, { start, count: 1, windowMs: c.windowMs });
    }
    if (++this.takes % PRUNE_EVERY === 0) this.prune(now);
    return { ok: true, remain: remain.map((r) => r - 1) };
  }

  private prune(now: number): void {
    for (const [k, s] of this.slots) if (s.start + s.windowMs <= now) this.slots.delete(k);
  }

  get size(): number {
    return this.slots.size;
  }
}
