/**
 * The custom authorizers' result cache (002 §5.8.1: 缓存时间 0–3600 s, "with caching, [identity sources]
 * serve as the cache lookup key"). Keyed by authorizer and the ordered identity-source values (practices.md
 * §2.6 emulator note); both allow and deny results are cached (not documented either way).
 *
 * The keys are whatever clients send as identity sources, so the cache is bounded twice: by entries and by
 * the bytes of keys and results (estimated at two bytes a character, plus a fixed overhead per entry). It is
 * least-recently-used: a hit moves an entry to the back, and the front goes first when a bound is passed.
 * A result too large for the whole budget is not cached.
 */
import type { AuthorizerResult } from './authorizer-result.js';

interface Entry {
  result: AuthorizerResult;
  expires: number;
  bytes: number;
}

export const CACHE_MAX_ENTRIES = 10_000;
export const CACHE_MAX_BYTES = 16 * 1024 * 1024;
/** The Map slot, the entry object and the result object, roughly. */
const ENTRY_OVERHEAD = 128;

export class AuthorizerCache {
  private readonly entries = new Map<string, Entry>();
  private held = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(options: { maxEntries?: number; maxBytes?: number } = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? CACHE_MAX_ENTRIES);
    this.maxBytes = Math.max(1, options.maxBytes ?? CACHE_MAX_BYTES);
  }

  get(key: string, now: number): AuthorizerResult | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (now >= e.expires) {
      this.held -= e.bytes;
      return undefined;
    }
    this.entries.set(key, e);
    return e.result;
  }

  set(key: string, result: AuthorizerResult, ttlMs: number, now: number): void {
    this.drop(key);
    const bytes = ENTRY_OVERHEAD + 2 * (key.length + JSON.stringify(result).length);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { result, expires: now + ttlMs, bytes });
    this.held += bytes;
    // Insertion order is use order: the least recently used entry goes first.
    while (this.entries.size > this.maxEntries || this.held > this.maxBytes)
      this.drop(this.entries.keys().next().value as string);
  }

  /** Entries held now, and their estimated bytes (for tests and the soak bench). */
  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.held;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.held -= e.bytes;
  }
}
