/**
 * Opens the state store a gateway process uses: the memory store (the default, synchronous) or a Redis store
 * that several processes and replicas share. The Redis client loads only when one is asked for, so that a
 * gateway without `--state` starts as fast as before. `apig serve` and each `--workers` process call this.
 */
import { ApigError } from '../../core/errors.js';
import { MemoryStore } from './memory-store.js';
import type { RedisStoreOptions } from './redis-store.js';
import { describeStore, type StateSpec } from './state-spec.js';
import type { StateStore } from './store.js';

export type OpenStoreOptions = RedisStoreOptions;

/** Resolves once the store answers; Redis unreachable at start is a configuration error (exit 2), masked. */
export async function openStore(spec: StateSpec, options: OpenStoreOptions = {}): Promise<StateStore> {
  if (spec === undefined) return new MemoryStore();
  const { RedisStore } = await import('./redis-store.js');
  const store = new RedisStore(spec, options);
  try {
    await store.connect();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ApigError('config', `cannot reach the state store ${describeStore(spec)}: ${reason}`);
  }
  return store;
}
