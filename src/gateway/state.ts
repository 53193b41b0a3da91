/**
 * What the gateway remembers between requests, apart from its configuration: throttling counters, the custom
 * authorizers' result cache and the AK/SK lockouts. It survives a reload (the cloud gateway does not forget its
 * counters when an API is republished) and is reached by stages through the request context, so stages stay
 * functions of the context (STYLE habit 6). Every table in it is bounded, since clients choose its keys
 * (AKs, identity-source values, source IPs): see each class for how.
 */
import type { Dispatcher } from 'undici';
import { FunctionModules } from './backends/function-modules.js';
import type { EventSink } from './response/events.js';
import { AuthorizerCache } from './auth/authorizer-cache.js';
import { AkLockout } from './auth/lockout.js';
import { WindowCounters } from './throttle/windows.js';

export interface GatewayState {
  counters: WindowCounters;
  authorizerCache: AuthorizerCache;
  lockout: AkLockout;
}

export function newState(): GatewayState {
  return { counters: new WindowCounters(), authorizerCache: new AuthorizerCache(), lockout: new AkLockout() };
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
