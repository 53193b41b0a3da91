/**
 * The custom authorizers' result cache (002 §5.8.1: 缓存时间 0–3600 s, "with caching, [identity sources]
 * serve as the cache lookup key"). Keyed by authorizer and the ordered identity-source values (practices.md
 * §2.6 emulator note); both allow and deny results are cached (not documented either way).
 */
import type { AuthorizerResult } from './authorizer-result.js';

interface Entry { result: AuthorizerResult; expires: number }

const MAX_ENTRIES = 10_000;

export class AuthorizerCache {
  private readonly entries = new Map<string, Entry>();

  get(key: string, now: number): AuthorizerResult | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now < e.expires) return e.result;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, result: AuthorizerResult, ttlMs: number, now: number): void {
    // Insertion order is age order: the oldest entry goes first when the cache is full.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { result, expires: now + ttlMs });
  }
}
