/**
 * WebSocket: the `Upgrade` GET is routed and checked like any request (practices.md §3.3 emulator note), then
 * passed through to an HTTP or HTTP-VPC backend (002 §8.3.13: HTTP ≙ ws, HTTPS ≙ wss). This module decides;
 * server.ts holds the sockets. A Mock or FUNCTION backend answers the upgrade request as a plain response.
 */
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { originOf } from './backends/http.js';
import type { MemberState } from './backends/balancer.js';
import { chooseMember } from './backends/vpc.js';
import { callTarget } from './backend-call.js';
import { traceStep, type RequestContext } from './context.js';
import { ERRORS, type GatewayFailure } from './errors.js';
import type { RequestEvent } from './events.js';
import type { Gateway } from './gateway.js';
import { wireRequest } from './http-adapter.js';
import { runPipeline } from './pipeline.js';
import { currentBackend } from './stages/backend-policy.js';
import { backendHeaders, gatewayHeaders, reasonPhrase } from './respond.js';
import { renderError } from './responses.js';
import { TRACE_HEADER, wantsTrace } from './trace.js';

export interface Tunnel {
  kind: 'tunnel';
  origin: string;
  path: string;
  headers: Record<string, string | string[]>;
  /** The Upgrade header's value (e.g. `websocket`). */
  protocol: string;
  /** Idle time after which the connection closes: the API's backend timeout (practices.md §3.3). */
  timeout: number;
  /** Headers the gateway adds to the 101 answer. */
  gatewayHeaders: OutgoingHttpHeaders;
  release(): void;
}

export interface PlainAnswer {
  kind: 'respond';
  status: number;
  reason?: string;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface UpgradeDecision {
  ctx: RequestContext;
  event: RequestEvent;
  action: Tunnel | PlainAnswer;
}

async function collect(body: Readable | string | Buffer): Promise<Buffer> {
  if (typeof body === 'string') return Buffer.from(body);
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function answerFailure(gw: Gateway, ctx: RequestContext, f: GatewayFailure, event: RequestEvent): PlainAnswer {
  event.errorCode = ERRORS[f.id].code;
  if (f.detail !== undefined) event.detail = f.detail;
  const r = renderError(f, ctx);
  const headers = gatewayHeaders(ctx, gw.clock, undefined);
  for (const [k, v] of r.headers) headers[k] = v;
  const reason = reasonPhrase(r.status);
  return { kind: 'respond', status: r.status, ...(reason ? { reason } : {}), headers, body: Buffer.from(r.body) };
}

export async function decideUpgrade(gw: Gateway, req: IncomingMessage, scheme: 'http' | 'https'): Promise<UpgradeDecision> {
  const ctx = gw.begin(wireRequest(req, scheme), wantsTrace(req.headers[TRACE_HEADER]));
  const event: RequestEvent = { type: 'request', requestId: ctx.requestId, method: ctx.method, path: ctx.path, status: 0, latencyMs: 0, websocket: true };
  const done = (action: Tunnel | PlainAnswer): UpgradeDecision => ({ ctx, event, action });
  const out = await runPipeline(ctx);
  if (out.kind === 'fail') return done(answerFailure(gw, ctx, out.failure, event));
  const plan = currentBackend(ctx)?.plan;
  const call = ctx.call;
  const protocol = String(req.headers.upgrade ?? 'websocket');
  if (plan && call && (plan.type === 'HTTP' || plan.type === 'HTTP-VPC')) {
    let origin: string;
    let host: string;
    let member: MemberState | undefined;
    if (plan.type === 'HTTP') {
      origin = originOf(plan);
      host = plan.address;
    } else {
      const chosen = chooseMember(plan, { ctx, runtime: gw.runtime(ctx.config) });
      if ('failure' in chosen) return done(answerFailure(gw, ctx, chosen.failure, event));
      member = chosen.member;
      member.active++;
      origin = originOf({ scheme: plan.scheme, hostname: chosen.member.host, port: chosen.member.port });
      host = chosen.host;
    }
    const path = callTarget(call);
    event.upstream = `${origin}${call.path}`;
    traceStep(ctx, 'backend', `upgrade to ${protocol} through ${origin}${call.path}`);
    let released = false;
    return done({
      kind: 'tunnel', origin, path, protocol, timeout: plan.timeout, headers: { ...call.headers, host },
      gatewayHeaders: gatewayHeaders(ctx, gw.clock, undefined),
      release: () => {
        if (!released && member) member.active--;
        released = true;
      },
    });
  }
  const d = await gw.dispatch(ctx, null);
  if (!d.ok) return done(answerFailure(gw, ctx, d.failure, event));
  const body = await collect(d.body);
  const headers = backendHeaders(d.headers, gatewayHeaders(ctx, gw.clock, d.upstreamMs));
  headers['content-length'] = String(body.length);
  headers.connection = 'close';
  return done({ kind: 'respond', status: d.status, headers, body });
}
