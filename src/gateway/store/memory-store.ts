/** The state store of one process: the fixed-window counters and the AK lock-out tables, synchronous. */
import { AkLockout } from '../auth/lockout.js';
import { WindowCounters, windowStart, type CounterCheck } from '../throttle/windows.js';
import type { CounterReading, StateStore, Taken } from './store.js';

const NONE: number[] = [];

export class MemoryStore implements StateStore {
  readonly counters: WindowCounters;
  readonly lockout: AkLockout;

  constructor(options: { counters?: WindowCounters; lockout?: AkLockout } = {}) {
    this.counters = options.counters ?? new WindowCounters();
    this.lockout = options.lockout ?? new AkLockout();
  }

  take(hard: readonly CounterCheck[], soft: readonly CounterCheck[], now: number): Taken {
    const taken = this.counters.take(hard, now);
    if (!taken.ok)
      return {
        ...taken,
        softRemain: soft.map((c) => Math.max(0, c.limit - this.counters.used(c.key, c.windowMs, now))),
      };
    // The soft counters refuse nothing: each is taken on its own (one left at 0 stays at 0).
    const softRemain = soft.length === 0 ? NONE : soft.map((c) => this.counters.takeSoft(c, now));
    return { ok: true, remain: taken.remain, softRemain };
  }

  readCounters(now: number): CounterReading[] {
    const out: CounterReading[] = [];
    for (const [key, used, windowMs] of this.counters.current(now))
      out.push({ key, used, start: windowStart(now, windowMs) });
    return out;
  }

  locked(ak: string, now: number): boolean {
    return this.lockout.locked(ak, now);
  }

  failed(ak: string, now: number): void {
    this.lockout.failed(ak, now);
  }

  succeeded(ak: string): void {
    this.lockout.succeeded(ak);
  }

  async close(): Promise<void> {}
}
