/**
 * Where a WebSocket upgrade is passed through (002 §8.3.13: HTTP ≙ ws, HTTPS ≙ wss; practices.md §3.3): an HTTP
 * backend's origin, or a member of an HTTP-VPC backend's channel, which counts as in flight (weighted least
 * connections) until the tunnel is released. Other backend types answer the upgrade request as a plain request:
 * undefined here. transport/upgrade.ts holds the sockets.
 */
import { callTarget, sentHost } from '../request/backend-call.js';
import { currentBackend, traceStep, type RequestContext } from '../request/context.js';
import type { GatewayFailure } from '../response/errors.js';
import type { MemberState } from './balancer.js';
import { originOf } from './http.js';
import type { Runtime } from './result.js';
import { chooseMember } from './vpc.js';

export interface TunnelTarget {
  origin: string;
  /** The request target for the backend (path and query). */
  path: string;
  headers: Record<string, string | string[]>;
  /** The Upgrade header's value (e.g. `websocket`). */
  protocol: string;
  /** Idle time after which the connection closes: the API's backend timeout (practices.md §3.3). */
  timeout: number;
  /** Where the request went, for the log (no query string: it may carry credentials). */
  upstream: string;
  /** The tunnel is over (or never opened): the member is no longer in flight. */
  release(): void;
}

export function tunnelTarget(
  ctx: RequestContext,
  runtime: Runtime,
  protocol: string,
): TunnelTarget | { failure: GatewayFailure } | undefined {
  const plan = currentBackend(ctx)?.plan;
  const call = ctx.call;
  if (!plan || !call || (plan.type !== 'HTTP' && plan.type !== 'HTTP-VPC')) return undefined;
  let origin: string;
  let host: string;
  let member: MemberState | undefined;
  if (plan.type === 'HTTP') {
    origin = originOf(plan);
    host = plan.address;
  } else {
    const chosen = chooseMember(plan, { ctx, runtime });
    if ('failure' in chosen) return chosen;
    member = chosen.member;
    member.active++;
    origin = originOf({ scheme: plan.scheme, hostname: chosen.member.host, port: chosen.member.port });
    host = chosen.host;
  }
  const upstream = `${origin}${call.path}`;
  traceStep(ctx, 'backend', `upgrade to ${protocol} through ${upstream}`);
  let released = false;
  return {
    origin,
    path: callTarget(call),
    headers: { ...call.headers, host: sentHost(call, host) },
    protocol,
    timeout: plan.timeout,
    upstream,
    release: () => {
      if (!released && member) member.active--;
      released = true;
    },
  };
}
