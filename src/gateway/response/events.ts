/**
 * What the gateway tells its host, as data (STYLE habit 8): the CLI prints these; tests and the bench read
 * them. Nothing in src/gateway writes to a terminal.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { TraceEvent } from '../request/trace.js';

export interface RequestEvent {
  type: 'request';
  requestId: string;
  method: string;
  /** The path as requested (no query string: it may carry secrets). */
  path: string;
  status: number;
  latencyMs: number;
  group?: string;
  api?: string;
  env?: string;
  /** APIG error code when the gateway answered with an error. */
  errorCode?: string;
  /** Why, in plain words, when the gateway answered with an error. */
  detail?: string;
  /**
   * Set when the response broke off after its status line had gone out (the backend reset or stalled
   * mid-body): the status the client received; `status` and `errorCode` are then the failure (502, 504).
   */
  sentStatus?: number;
  /** Where the request went: a backend URL, a channel member, a function URN. */
  upstream?: string;
  websocket?: boolean;
  trace?: TraceEvent[];
}

export type GatewayEvent =
  | RequestEvent
  | { type: 'health'; channel: string; member: string; healthy: boolean; reason: string }
  | { type: 'function-log'; urn: string; requestId: string; level: string; message: string }
  | { type: 'function-error'; urn: string; requestId: string; message: string }
  | { type: 'reloaded'; apis: number; diagnostics: Diagnostic[] }
  | { type: 'reload-failed'; diagnostics: Diagnostic[] }
  | { type: 'warning'; message: string }
  /** The shared state store (store/redis-store.ts) was lost, or is back: once per change, never per request. */
  | { type: 'state'; status: 'lost' | 'back'; store: string; message: string };

export type EventSink = (event: GatewayEvent) => void;
