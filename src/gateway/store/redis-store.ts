/**
 * The state store in Redis (ioredis), shared by every gateway process and replica that names the same server and
 * prefix. Each step is one Lua script (redis-scripts.ts), so that "a rejected request consumes nothing" and
 * "exactly N pass" hold across processes; keys carry their window (redis-keys.ts) and expire after it. The takes
 * of one turn of the event loop share one script call: one write and one round trip for all of them.
 *
 * Faults, as Kong's `fault_tolerant`: while Redis is unreachable (refused, closed, or silent past the command
 * timeout) every request goes on with counters in this process (fail open), or gets 500 (fail closed), without
 * waiting on Redis; one `state` event says so per outage, the client reconnects with back-off, and one more says
 * when shared counting resumes. Counts taken locally meanwhile stay local.
 */
import { Redis } from 'ioredis';
import { LOCK_AFTER, LOCK_MS } from '../auth/lockout.js';
import type { EventSink } from '../response/events.js';
import { windowStart, type CounterCheck } from '../throttle/windows.js';
import { MemoryStore } from './memory-store.js';
import { counterKey, lockKey, readCounterKey } from './redis-keys.js';
import { FAILED, TAKE, type Script } from './redis-scripts.js';
import { describeStore, type RedisSpec } from './state-spec.js';
import type { CounterReading, MaybePromise, StateStore, Taken } from './store.js';

export interface RedisStoreOptions {
  /** Where `state` events go (the gateway's event sink). */
  onEvent?: EventSink;
  /** `--clock`: the gateway's windows are virtual, so keys outlive them by an hour of real time (below). */
  virtualClock?: boolean;
  /** A command not answered within this is a lost Redis (default 1000 ms). */
  commandTimeoutMs?: number;
  /** Connecting, at start-up and on each reconnect (default 2000 ms). */
  connectTimeoutMs?: number;
}

/**
 * How long a key outlives its window or lock, in real time. With the system clock, 1 s: replicas whose clocks
 * differ by less than that still find the counter of the window they are in. With `--clock`, a window lasts as
 * long as the clock stays in it, which real time does not tell; a key kept an hour longer is never counted
 * again (its name carries its window), it only waits to be collected.
 */
const SLACK_MS = 1000;
const VIRTUAL_SLACK_MS = 3_600_000;
const MAX_BACKOFF_MS = 2000;
/** The dashboard reads at most this many counters back (SCAN of the prefix's counter keys). */
const MAX_READ = 10_000;
/** Takes in one script call at most (each call holds Redis as long as it runs). */
const MAX_BATCH = 256;

interface PendingTake {
  hard: readonly CounterCheck[];
  soft: readonly CounterCheck[];
  now: number;
  resolve(answer: Taken | Promise<Taken>): void;
}

/** The answer while Redis is lost and `--state-fail` is closed: the gateway's 500 (APIG.0201, docs/serve.md). */
export class StateUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'state store';
  }
}

export class RedisStore implements StateStore {
  readonly address: string;
  private readonly client: Redis;
  /** The counters of this process while Redis is lost: fresh for each outage. */
  private fallback = new MemoryStore();
  private readonly slack: number;
  /** Counting in Redis now; false before start, during an outage, and after close. */
  private shared = false;
  private started = false;
  private closed = false;
  private lastError = '';
  private batch: PendingTake[] = [];

  constructor(
    private readonly spec: RedisSpec,
    private readonly options: RedisStoreOptions = {},
  ) {
    this.address = describeStore(spec);
    this.slack = options.virtualClock ? VIRTUAL_SLACK_MS : SLACK_MS;
    this.client = new Redis({
      host: spec.host,
      port: spec.port,
      db: spec.db,
      ...(spec.username !== undefined ? { username: spec.username } : {}),
      ...(spec.password !== undefined ? { password: spec.password } : {}),
      ...(spec.tls ? { tls: { servername: spec.host } } : {}),
      connectionName: 'apig',
      lazyConnect: true,
      // Never wait for a connection: a command while Redis is away fails at once, and the store counts locally.
      enableOfflineQueue: false,
      // A command in flight when the connection drops fails now and is not sent again (it may have been counted).
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: options.commandTimeoutMs ?? 1000,
      connectTimeout: options.connectTimeoutMs ?? 2000,
      retryStrategy: (attempt) => Math.min(MAX_BACKOFF_MS, 50 * 2 ** Math.min(attempt, 6)),
      // take() batches the requests of one event-loop turn itself (one script call, one write); ioredis's own
      // pipelining would only wrap each batch again, at a cost the bench shows.
      enableAutoPipelining: false,
    });
    this.client.on('error', (err: Error) => {
      this.lastError = this.clean(err.message);
    });
    this.client.on('close', () => this.lose(this.lastError || 'the connection closed'));
    this.client.on('ready', () => this.regain());
  }

  /** Connects and checks that the server runs the scripts; throws with the reason (`apig serve` exits 2). */
  async connect(): Promise<void> {
    const limit = (this.options.connectTimeoutMs ?? 2000) + 2 * (this.options.commandTimeoutMs ?? 1000);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${limit} ms`)), limit);
    });
    try {
      await Promise.race([
        (async () => {
          await this.client.connect();
          for (const s of [TAKE, FAILED]) await this.client.script('LOAD', s.lua);
        })(),
        deadline,
      ]);
    } catch (err) {
      this.closed = true;
      this.client.disconnect();
      const said = this.clean(err instanceof Error ? err.message : String(err));
      // "Connection is closed." says less than the socket error before it (ECONNREFUSED, ENOTFOUND, WRONGPASS).
      throw new Error(this.lastError && /connection is closed/i.test(said) ? this.lastError : said);
    } finally {
      clearTimeout(timer);
    }
    this.started = true;
    this.shared = true;
  }

  take(hard: readonly CounterCheck[], soft: readonly CounterCheck[], now: number): MaybePromise<Taken> {
    if (hard.length + soft.length === 0) return { ok: true, remain: [], softRemain: [] };
    if (!this.shared) return this.local(() => this.fallback.take(hard, soft, now));
    return new Promise((resolve) => {
      // The takes of this turn of the event loop (the requests read from every socket) go out together.
      if (this.batch.length === 0) setImmediate(() => this.flush());
      this.batch.push({ hard, soft, now, resolve });
    });
  }

  locked(ak: string, now: number): MaybePromise<boolean> {
    if (!this.shared) return this.local(() => this.fallback.locked(ak, now));
    return this.client.hget(lockKey(this.spec.prefix, ak), 'u').then(
      (until) => until !== null && now < Number(until),
      (err: unknown) => this.failedOver(err, () => this.fallback.locked(ak, now)),
    );
  }

  failed(ak: string, now: number): MaybePromise<void> {
    if (!this.shared) return this.local(() => this.fallback.failed(ak, now));
    const args = [String(Math.floor(now)), String(LOCK_MS), String(LOCK_AFTER), String(LOCK_MS + this.slack)];
    return this.run(FAILED, [lockKey(this.spec.prefix, ak)], args).then(
      () => undefined,
      (err: unknown) => this.failedOver(err, () => this.fallback.failed(ak, now)),
    );
  }

  succeeded(ak: string): MaybePromise<void> {
    if (!this.shared) return this.local(() => this.fallback.succeeded(ak));
    return this.client.del(lockKey(this.spec.prefix, ak)).then(
      () => undefined,
      (err: unknown) => this.failedOver(err, () => this.fallback.succeeded(ak)),
    );
  }

  /**
   * The counters under the prefix (SCAN, then one MGET), for the dashboard; windows that ended and are not yet
   * expired come too (the reader compares their start). While Redis is lost: this process's local counters.
   */
  async readCounters(now: number): Promise<CounterReading[]> {
    if (!this.shared) return this.fallback.readCounters(now);
    try {
      const keys: string[] = [];
      const match = `${this.spec.prefix.replace(/[*?[\]\\]/g, '\\$&')}c:*`;
      let cursor = '0';
      do {
        const [next, found] = await this.client.scan(cursor, 'MATCH', match, 'COUNT', 1000);
        cursor = next;
        keys.push(...found);
      } while (cursor !== '0' && keys.length < MAX_READ);
      const wanted = keys.slice(0, MAX_READ);
      const values = wanted.length > 0 ? await this.client.mget(...wanted) : [];
      const out: CounterReading[] = [];
      wanted.forEach((k, i) => {
        const read = readCounterKey(this.spec.prefix, k);
        const used = Number(values[i]);
        if (read && Number.isFinite(used)) out.push({ key: read.counter, used, start: read.windowStart });
      });
      return out;
    } catch {
      return this.fallback.readCounters(now);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.shared = false;
    this.client.disconnect();
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = [];
    for (let i = 0; i < batch.length; i += MAX_BATCH) this.send(batch.slice(i, i + MAX_BATCH));
  }

  /** One script call for the batch; each take answered as if alone (taken locally if Redis fails meanwhile). */
  private send(batch: readonly PendingTake[]): void {
    const locally = (p: PendingTake) => () => this.fallback.take(p.hard, p.soft, p.now);
    if (!this.shared) {
      for (const p of batch) p.resolve(this.local(locally(p)));
      return;
    }
    const keys: string[] = [];
    const args: string[] = [String(batch.length)];
    for (const { hard, soft, now } of batch) {
      args.push(String(hard.length + soft.length), String(hard.length));
      const ttls: string[] = [];
      for (const c of [...hard, ...soft]) {
        const start = windowStart(now, c.windowMs);
        keys.push(counterKey(this.spec.prefix, c.key, start));
        args.push(String(c.limit));
        ttls.push(String(Math.max(1, Math.ceil(start + c.windowMs - now)) + this.slack));
      }
      args.push(...ttls);
    }
    this.run(TAKE, keys, args).then(
      (reply) => {
        let at = 0;
        for (const p of batch) {
          const n = 2 + p.hard.length + p.soft.length;
          try {
            p.resolve(taken(Array.isArray(reply) ? reply.slice(at, at + n) : reply, p.hard, p.soft));
          } catch (err) {
            p.resolve(Promise.reject(err));
          }
          at += n;
        }
      },
      (err: unknown) => {
        for (const p of batch) p.resolve(this.failedOver(err, locally(p)));
      },
    );
  }

  /** EVALSHA, and EVAL when the server has not got the script (restarted, or SCRIPT FLUSH). */
  private run(s: Script, keys: string[], args: string[]): Promise<unknown> {
    return this.client
      .evalsha(s.sha, keys.length, ...keys, ...args)
      .catch((err: unknown) =>
        err instanceof Error && err.message.startsWith('NOSCRIPT')
          ? this.client.eval(s.lua, keys.length, ...keys, ...args)
          : Promise.reject(err),
      );
  }

  /** While Redis is lost: the local answer (fail open), or the 500 (fail closed). */
  private local<T>(answer: () => T): T | Promise<T> {
    if (this.spec.fail === 'open') return answer();
    return Promise.reject(
      new StateUnavailable(`${this.address} is unreachable (${this.lastError || 'lost'}); --state-fail closed`),
    );
  }

  /** A command failed: Redis is lost from now on (a silent connection is dropped and made again). */
  private failedOver<T>(err: unknown, answer: () => T): T | Promise<T> {
    const reason = this.clean(err instanceof Error ? err.message : String(err));
    this.lastError = reason;
    this.lose(reason);
    if (this.client.status === 'ready') this.client.disconnect(true);
    return this.local(answer);
  }

  private lose(reason: string): void {
    if (!this.started || this.closed || !this.shared) return;
    this.shared = false;
    this.fallback = new MemoryStore();
    const then =
      this.spec.fail === 'open'
        ? 'counting in this process until it is back (--state-fail open)'
        : 'answering 500 until it is back (--state-fail closed)';
    this.say('lost', `state store ${this.address} lost (${reason}): ${then}`);
  }

  private regain(): void {
    if (!this.started || this.closed || this.shared) return;
    this.shared = true;
    this.say('back', `state store ${this.address} is back: shared counting resumes`);
  }

  private say(status: 'lost' | 'back', message: string): void {
    this.options.onEvent?.({ type: 'state', status, store: this.address, message });
  }

  /** A message as it may be shown: never the password. */
  private clean(message: string): string {
    const pw = this.spec.password;
    return pw !== undefined && pw !== '' ? message.split(pw).join('***') : message;
  }
}

/** The script's reply as the gateway's `Taken` (the remains, as memory-store.ts computes them). */
function taken(reply: unknown, hard: readonly CounterCheck[], soft: readonly CounterCheck[]): Taken {
  const n = hard.length + soft.length;
  if (!Array.isArray(reply) || reply.length !== n + 2 || !reply.every((x) => typeof x === 'number'))
    throw new Error(`unexpected reply to the take script: ${JSON.stringify(reply)}`);
  const [ok, index, ...counts] = reply as number[];
  const used = (i: number): number => counts[i] ?? 0;
  const softRemain = soft.map((c, i) => Math.max(0, c.limit - used(hard.length + i)));
  if (ok === 1) return { ok: true, remain: hard.map((c, i) => c.limit - used(i)), softRemain };
  return { ok: false, index: index ?? 0, remain: hard.map((c, i) => Math.max(0, c.limit - used(i))), softRemain };
}
