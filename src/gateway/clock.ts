/**
 * The gateway's sense of time and identity, injected so that tests (and, later, throttling windows under
 * `--clock`, ruling 4) are deterministic. Nothing in src/gateway reads Date.now() or performance directly.
 */
import { randomBytes } from 'node:crypto';

export interface Clock {
  /** Milliseconds since the Unix epoch, with sub-millisecond precision where the platform has it. */
  now(): number;
}

const origin = performance.timeOrigin;

/** Wall-clock time that never goes backwards within a run (performance.now() is monotonic). */
export const systemClock: Clock = { now: () => origin + performance.now() };

/** A clock a test moves by hand. */
export function manualClock(start = 0): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

/** Request ids are 32 lowercase hex characters, like the gateway's X-Request-Id (ruling 5). */
export type IdSource = () => string;

/** Random ids drawn in batches: one randomBytes call and one hex conversion per 256 requests. */
export function randomIds(): IdSource {
  let pool = '';
  let at = 0;
  return () => {
    if (at + 32 > pool.length) {
      pool = randomBytes(16 * 256).toString('hex');
      at = 0;
    }
    const id = pool.slice(at, at + 32);
    at += 32;
    return id;
  };
}

/** `--clock`: time stands still until advanced or set (POST /_apig/clock, transport/admin.ts), so windows, signature
 * expiry, token expiry, lockouts and authorizer caches are deterministic in tests and demos (ruling 4). */
export interface VirtualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
  /**
   * With `--workers`: a move asked of this process goes to the primary, which moves the clock of every worker
   * (a request may land on any); resolves once all have moved. Absent: the move is this process's alone.
   */
  share?(move: ClockMove): Promise<void>;
}

/** One POST /_apig/clock: `set` (epoch ms) first, then `advance` (ms). */
export interface ClockMove {
  set?: number;
  advance?: number;
}

/** Applies a move to a clock. */
export function moveClock(clock: Pick<VirtualClock, 'set' | 'advance'>, move: ClockMove): void {
  if (move.set !== undefined) clock.set(move.set);
  if (move.advance !== undefined) clock.advance(move.advance);
}

export function virtualClock(start: number): VirtualClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}
