/**
 * Messages to one process, sent together once per turn of the event loop (setImmediate runs right after the
 * I/O of the turn): a burst of requests costs one IPC write and one parse on the other side, not one per
 * request. An idle gateway sends each message at once (the next check phase).
 */
import type { Batch } from './protocol.js';

export class Outbox<T> {
  private queue: T[] = [];
  private scheduled = false;

  /** `write` sends one batch; it must not throw (a closed channel drops it). */
  constructor(private readonly write: (batch: Batch<T>) => void) {}

  push(message: T): void {
    this.queue.push(message);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /** Sends what is queued now (before the process ends, say). */
  readonly flush = (): void => {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const apig = this.queue;
    this.queue = [];
    this.write({ apig });
  };
}
