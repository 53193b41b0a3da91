/**
 * What a backend driver is given and returns: the request and the runtime it shares with the other drivers
 * (VPC channels included), and a response to stream back or a gateway error. The drivers import these types;
 * this module imports no driver.
 */
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { VpcChannel } from '../../core/workspace-model.js';
import type { Clock } from '../clock.js';
import type { BackendCall } from '../request/backend-call.js';
import type { RequestContext } from '../request/context.js';
import type { GatewayFailure } from '../response/errors.js';
import type { EventSink } from '../response/events.js';
import type { MemberState } from './balancer.js';
import type { FunctionModules } from './function-modules.js';
import type { HealthChecker } from './health.js';

export type ResponseHeaders = Record<string, string | string[] | undefined>;

export type Dispatched =
  | {
      ok: true;
      status: number;
      headers: ResponseHeaders;
      body: Readable | string | Buffer;
      upstreamMs?: number;
      upstream?: string;
    }
  | { ok: false; failure: GatewayFailure; upstreamMs?: number; upstream?: string };

/** A VPC channel as the gateway runs it: its members' state and, when configured, their health checks (vpc.ts). */
export interface ChannelRuntime {
  channel: VpcChannel;
  members: MemberState[];
  health?: HealthChecker;
}

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
