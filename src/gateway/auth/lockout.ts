/**
 * IAM AK/SK lockout: "连续错误5次以上，被锁定5分钟" (000 §4.7). "5次以上" is ambiguous between ≥5 and >5; we
 * lock on the 5th consecutive failure, so the next request with that AK, even a correctly signed one, is
 * refused for 5 minutes. A success resets the count. Time is the gateway's clock (injectable, ruling 4).
 */
export const LOCK_AFTER = 5;
export const LOCK_MS = 5 * 60 * 1000;

interface Entry { failures: number; lockedUntil: number }

export class AkLockout {
  private readonly byAk = new Map<string, Entry>();

  locked(ak: string, now: number): boolean {
    const e = this.byAk.get(ak);
    if (!e || e.lockedUntil === 0) return false;
    if (now < e.lockedUntil) return true;
    this.byAk.delete(ak);
    return false;
  }

  failed(ak: string, now: number): void {
    const e = this.byAk.get(ak) ?? { failures: 0, lockedUntil: 0 };
    e.failures++;
    if (e.failures >= LOCK_AFTER) e.lockedUntil = now + LOCK_MS;
    this.byAk.set(ak, e);
  }

  succeeded(ak: string): void {
    this.byAk.delete(ak);
  }
}
