/**
 * When a worker that ended is replaced: at once after one that served a while; after a pause that doubles each
 * time (0.25 s, 0.5 s, … up to 30 s) while replacements keep ending within 10 s of starting, so that a worker
 * that cannot start (a workspace edited into errors) does not spin.
 */
const STABLE_MS = 10_000;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 30_000;

export function restartDelay(quickExits: number): number {
  return quickExits === 0 ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (quickExits - 1));
}

export class Restarts {
  private readonly quick = new Map<number, number>();
  private readonly timers = new Map<number, NodeJS.Timeout>();

  /** Worker `slot`, started at `startedAt` (epoch ms), ended: `start` runs after the delay, which it returns. */
  schedule(slot: number, startedAt: number, start: () => void): number {
    const quick = Date.now() - startedAt < STABLE_MS ? (this.quick.get(slot) ?? 0) + 1 : 0;
    this.quick.set(slot, quick);
    const delay = restartDelay(quick);
    this.timers.set(
      slot,
      setTimeout(() => {
        this.timers.delete(slot);
        start();
      }, delay),
    );
    return delay;
  }

  /** No replacement starts from now on (stopping). */
  cancel(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
