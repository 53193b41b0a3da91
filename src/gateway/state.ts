/**
 * What the gateway remembers between requests, apart from its configuration: throttling counters and the AK/SK
 * lockouts (in a state store, which several processes may share), and the custom authorizers' result cache.
 * It survives a reload (the cloud gateway does not forget its counters when an API is republished) and is
 * reached by stages through the request context, so stages stay functions of the context (STYLE habit 6).
 * Every table in it is bounded, since clients choose its keys (AKs, identity-source values, source IPs): see
 * each class for how.
 */
import type { Dispatcher } from 'undici';
import { FunctionModules } from './backends/function-modules.js';
import type { EventSink } from './response/events.js';
import { AuthorizerCache } from './auth/authorizer-cache.js';
import { MemoryStore } from './store/memory-store.js';
import type { StateStore } from './store/store.js';

export interface GatewayState {
  /** Throttling counters and AK lock-outs: in this process, or shared (store/store.ts). */
  store: StateStore;
  authorizerCache: AuthorizerCache;
}

export function newState(store: StateStore = new MemoryStore()): GatewayState {
  return { store, authorizerCache: new AuthorizerCache() };
}

/** What stages may call out to: the state, local modules (authorizers), the upstream dispatcher (URL authorizers). */
export interface Services {
  state: GatewayState;
  functions: FunctionModules;
  /** Undefined in unit tests that build contexts by hand: URL authorizers then use undici's global dispatcher. */
  dispatcher?: Dispatcher;
  emit: EventSink;
}

/** For contexts built by hand (unit tests): fresh state, no upstream dispatcher, events dropped. */
export function standaloneServices(): Services {
  return { state: newState(), functions: new FunctionModules(0), emit: () => undefined };
}
