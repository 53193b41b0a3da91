/** What a backend driver returns: a response to stream back, or a gateway error. */
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { BackendCall } from '../backend-call.js';
import type { Clock } from '../clock.js';
import type { RequestContext } from '../context.js';
import type { GatewayFailure } from '../errors.js';
import type { EventSink } from '../events.js';
import type { ChannelRuntime } from './vpc.js';
import type { FunctionModules } from './function-modules.js';

export type ResponseHeaders = Record<string, string | string[] | undefined>;

export type Dispatched =
  | { ok: true; status: number; headers: ResponseHeaders; body: Readable | string | Buffer; upstreamMs?: number; upstream?: string }
  | { ok: false; failure: GatewayFailure; upstreamMs?: number; upstream?: string };

/** What drivers share: injected once per gateway (the dispatcher and clock, STYLE "layout"), or per config. */
export interface Runtime {
  dispatcher: Dispatcher;
  clock: Clock;
  channels: ReadonlyMap<string, ChannelRuntime>;
  functions: FunctionModules;
  emit: EventSink;
  bodyLimit: number;
  /** The ports this gateway listens on (a backend on one of them, on a local address, is the gateway itself). */
  selfPorts: ReadonlySet<number>;
}

export interface DispatchInput {
  ctx: RequestContext;
  /** Absent for Mock. */
  call: BackendCall | undefined;
  /** The caller's body, when the request has one. */
  body: Readable | null;
  runtime: Runtime;
}
