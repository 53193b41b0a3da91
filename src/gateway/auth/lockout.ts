/**
 * IAM AK/SK lockout: "连续错误5次以上，被锁定5分钟" (000 §4.7). "5次以上" is ambiguous between ≥5 and >5; we
 * lock on the 5th consecutive failure, so the next request with that AK, even a correctly signed one, is
 * refused for 5 minutes. A success resets the count. Time is the gateway's clock (injectable, ruling 4).
 *
 * The table is bounded: the caller records failures of declared AKs only (iam.ts), a count of failures
 * expires LOCK_MS after the last one ([ours]: the documentation does not say how long "consecutive" lasts),
 * a lock expires when it ends, and past `maxEntries` the entry failed longest ago goes first.
 */
export const LOCK_AFTER = 5;
export const LOCK_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  failures: number;
  lastFailure: number;
  lockedUntil: number;
}

export class AkLockout {
  private readonly byAk = new Map<string, Entry>();
  private readonly maxEntries: number;

  constructor(options: { maxEntries?: number } = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? MAX_ENTRIES);
  }

  locked(ak: string, now: number): boolean {
    const e = this.byAk.get(ak);
    if (!e) return false;
    if (now < e.lockedUntil) return true;
    if (this.expired(e, now)) this.byAk.delete(ak);
    return false;
  }

  failed(ak: string, now: number): void {
    const old = this.byAk.get(ak);
    const e = old && !this.expired(old, now) ? old : { failures: 0, lastFailure: now, lockedUntil: 0 };
    e.failures++;
    e.lastFailure = now;
    if (e.failures >= LOCK_AFTER) e.lockedUntil = now + LOCK_MS;
    // Re-inserted, so that Map order is the order of last failures: the stalest entry is the first.
    this.byAk.delete(ak);
    this.byAk.set(ak, e);
    if (this.byAk.size > this.maxEntries) this.byAk.delete(this.byAk.keys().next().value as string);
  }

  succeeded(ak: string): void {
    this.byAk.delete(ak);
  }

  /** Entries held now (for tests and the soak bench). */
  get size(): number {
    return this.byAk.size;
  }

  /** A lock that has ended, or a count whose last failure is LOCK_MS old, is forgotten. */
  private expired(e: Entry, now: number): boolean {
    return e.lockedUntil !== 0 ? now >= e.lockedUntil : now - e.lastFailure >= LOCK_MS;
  }
}
