/**
 * The dashboard's request log: the last `capacity` requests (1,000 by default) in a ring, newest first when
 * listed, and the listeners (the open pages' event streams) told of each one as it is added.
 */
export interface Logged {
  /** Increasing from 1 in this process: the page asks for an entry by it. */
  seq: number;
}

export const LOG_CAPACITY = 1000;

export class RequestLog<T extends Logged> {
  private readonly ring: Array<T | undefined>;
  private next = 0;
  private count = 0;
  private readonly listeners = new Set<(entry: T) => void>();

  constructor(readonly capacity = LOG_CAPACITY) {
    this.ring = new Array<T | undefined>(Math.max(1, capacity));
  }

  add(entry: T): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.ring.length;
    if (this.count < this.ring.length) this.count++;
    if (this.listeners.size > 0) for (const l of this.listeners) l(entry);
  }

  get size(): number {
    return this.count;
  }

  /** Newest first. */
  list(): T[] {
    const out: T[] = [];
    for (let i = 1; i <= this.count; i++) {
      const e = this.ring[(this.next - i + this.ring.length) % this.ring.length];
      if (e) out.push(e);
    }
    return out;
  }

  find(seq: number): T | undefined {
    for (const e of this.ring) if (e?.seq === seq) return e;
    return undefined;
  }

  /** Calls `listener` with each entry added from now on; returns what stops it. */
  subscribe(listener: (entry: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get subscribers(): number {
    return this.listeners.size;
  }
}
