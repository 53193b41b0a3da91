/**
 * The state store of a `--workers` worker without `--state`: calls go to the primary process over the
 * cluster's IPC channel, matched to their answers by id, and the primary answers from its one MemoryStore
 * (ipc-server.ts), so that "a rejected request consumes nothing" and "exactly N pass" hold across the workers
 * as in one process. A counter far from its limit is taken from the tokens the primary granted this worker,
 * synchronously, without a message (ipc-protocol.ts).
 *
 * If the primary stops answering (blocked, stopped), a call waits at most `timeoutMs`; then this worker counts
 * on its own (a local MemoryStore: fail open, as a lost Redis does), says so once, and keeps asking the primary
 * until it answers again, when shared counting resumes (the local counts are dropped). A primary that has
 * ended takes its workers with it (node:cluster), so nothing waits on it.
 */
import { windowStart, type CounterCheck } from '../throttle/windows.js';
import type { Holding, StoreCall, StoreDown, StoreReply, StoreValue, WindowKey } from './ipc-protocol.js';
import { answerCall } from './ipc-server.js';
import { MemoryStore } from './memory-store.js';
import type { StateStore, Taken } from './store.js';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A call as the store methods make it, before it has an id. */
type Call = WithoutId<Exclude<StoreCall, { op: 'return' }>>;

interface Pending {
  call: Call;
  sentAt: number;
  resolve(value: StoreValue): void;
}

interface Held {
  start: number;
  windowMs: number;
  limit: number;
  left: number;
  /** At this many left, ask for more (half the last grant); 0 while asking. */
  refillAt: number;
  /** Unallocated at the primary when granted. */
  remain: number;
  serial: number;
}

export interface IpcStoreOptions {
  /** How long a call waits for the primary before this worker counts alone (default 3 s). */
  timeoutMs?: number;
  /** Said once per outage, and once when the primary answers again. */
  onWarning?: (message: string) => void;
}

/** Grants held at most; one past it is given back at once. */
const MAX_HELD = 4096;
/** Real time for the timeouts: the gateway's clock may be virtual and stand still. */
const realNow = (): number => performance.now();

export class IpcStore implements StateStore {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly held = new Map<string, Held>();
  /** Grants used up since the last take sent: the primary may grant those counters again. */
  private drained: Holding[] = [];
  private readonly timeoutMs: number;
  private readonly onWarning: (message: string) => void;
  /** Set while the primary does not answer: the counters this worker keeps alone meanwhile. */
  private local: MemoryStore | undefined;
  private probe: number | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly send: (call: StoreCall) => void,
    options: IpcStoreOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.onWarning = options.onWarning ?? (() => undefined);
    this.timer = setInterval(() => this.check(), Math.max(10, this.timeoutMs / 4));
    this.timer.unref();
  }

  take(hard: readonly CounterCheck[], soft: readonly CounterCheck[], now: number): Taken | Promise<Taken> {
    if (this.local) return this.local.take(hard, soft, now);
    const granted = this.fromGrants(hard, soft, now);
    if (granted) return granted;
    const drained = this.drained;
    this.drained = [];
    return this.call({ op: 'take', hard, soft, now, ...(drained.length > 0 ? { drained } : {}) }) as Promise<Taken>;
  }

  locked(ak: string, now: number): boolean | Promise<boolean> {
    if (this.local) return this.local.locked(ak, now);
    return this.call({ op: 'locked', ak, now }) as Promise<boolean>;
  }

  failed(ak: string, now: number): void | Promise<void> {
    if (this.local) return this.local.failed(ak, now);
    return this.call({ op: 'failed', ak, now }).then(() => undefined);
  }

  succeeded(ak: string): void | Promise<void> {
    if (this.local) return this.local.succeeded(ak);
    return this.call({ op: 'succeeded', ak }).then(() => undefined);
  }

  /** A message from the primary: an answer, or a recall of granted tokens. */
  receive(message: StoreDown): void {
    if ('recall' in message) {
      const tokens = message.recall.keys.map((k) => this.release(k));
      this.send({ op: 'return', id: message.recall.id, tokens });
      return;
    }
    this.answered(message.reply);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    // Whatever still waits is answered here, so that no request hangs on a store that is going away.
    this.fallBack();
  }

  private answered(reply: StoreReply): void {
    if (reply.id === this.probe) {
      this.probe = undefined;
      this.local = undefined;
      this.onWarning('the primary process answers again: counters are shared by every worker again');
      return;
    }
    const p = this.pending.get(reply.id);
    if (!p) return; // answered locally after a timeout
    this.pending.delete(reply.id);
    for (const g of reply.grants ?? []) {
      if (this.held.size >= MAX_HELD && !this.held.has(g.key)) {
        this.send({
          op: 'return',
          id: 0,
          tokens: [{ key: g.key, start: g.start, serial: g.serial, tokens: g.tokens }],
        });
        continue;
      }
      const h = this.held.get(g.key);
      const left = (h?.start === g.start ? h.left : 0) + g.tokens;
      this.held.set(g.key, {
        start: g.start,
        windowMs: g.windowMs,
        limit: g.limit,
        left,
        refillAt: Math.floor(g.tokens / 2),
        remain: g.remain,
        serial: g.serial,
      });
    }
    p.resolve(reply.value);
  }

  /** The take, from grants, when every counter has a token granted in its current window. */
  private fromGrants(hard: readonly CounterCheck[], soft: readonly CounterCheck[], now: number): Taken | undefined {
    if (this.held.size === 0) return undefined;
    for (const c of hard) if (!this.usable(c, now)) return undefined;
    for (const c of soft) if (!this.usable(c, now)) return undefined;
    return {
      ok: true,
      remain: hard.map((c) => this.spend(c, now)),
      softRemain: soft.map((c) => this.spend(c, now)),
    };
  }

  private usable(c: CounterCheck, now: number): boolean {
    const h = this.held.get(c.key);
    if (!h) return false;
    if (h.start === windowStart(now, c.windowMs) && h.windowMs === c.windowMs && h.limit === c.limit) return true;
    // The window has ended (nothing to give back), or the limit changed in a reload (the tokens go back).
    this.held.delete(c.key);
    if (h.start === windowStart(now, h.windowMs))
      this.send({ op: 'return', id: 0, tokens: [{ key: c.key, start: h.start, serial: h.serial, tokens: h.left }] });
    return false;
  }

  /** One token of a usable grant; what is left to show (`remain`). Half used, more are asked for. */
  private spend(c: CounterCheck, now: number): number {
    const h = this.held.get(c.key);
    if (!h) return 0;
    h.left--;
    if (h.left <= 0) {
      this.held.delete(c.key);
      this.drained.push({ key: c.key, start: h.start, serial: h.serial });
    } else if (h.left === h.refillAt) {
      h.refillAt = 0;
      void this.call({ op: 'refill', counters: [c], now });
    }
    return h.remain + h.left;
  }

  /** A grant given back: its unused tokens (none when it holds no grant of that window). */
  private release(k: WindowKey): Holding & { tokens: number } {
    const h = this.held.get(k.key);
    if (!h || h.start !== k.start) return { ...k, serial: 0, tokens: 0 };
    this.held.delete(k.key);
    return { ...k, serial: h.serial, tokens: h.left };
  }

  private call(call: Call): Promise<StoreValue> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, { call, sentAt: realNow(), resolve });
      this.send({ ...call, id } as StoreCall);
    });
  }

  /** The oldest call first (Map order): past the timeout, count alone until the primary answers a probe. */
  private check(): void {
    if (this.local) {
      if (this.probe === undefined) {
        this.probe = this.nextId++;
        this.send({ op: 'ping', id: this.probe });
      }
      return;
    }
    const oldest = this.pending.values().next().value as Pending | undefined;
    if (oldest === undefined || realNow() - oldest.sentAt < this.timeoutMs) return;
    this.onWarning(
      `the primary process did not answer within ${this.timeoutMs / 1000} s: this worker counts throttling ` +
        'and AK lock-outs alone until it does (counters are not shared meanwhile)',
    );
    this.held.clear();
    this.drained = [];
    this.fallBack();
  }

  /** Every call waiting, answered from the local counters (made now, when this worker starts counting alone). */
  private fallBack(): void {
    const local = (this.local ??= new MemoryStore());
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      const c = p.call;
      p.resolve(c.op === 'take' ? local.take(c.hard, c.soft, c.now) : answerCall(local, { ...c, id }));
    }
  }
}
