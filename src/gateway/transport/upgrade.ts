/**
 * WebSocket upgrades: the `Upgrade` GET is routed and checked like any request (practices.md §3.3 emulator note),
 * then passed through to the backend that backends/tunnel.ts picks; a Mock or FUNCTION backend answers it as a
 * plain request. Every answer but the 101 goes onto the socket, which then closes. The tunnel's request event is
 * emitted when the tunnel ends.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { Readable, type Duplex } from 'node:stream';
import { upgrade } from 'undici';
import { classifyUpstreamError } from '../backends/http.js';
import type { Dispatched } from '../backends/result.js';
import { tunnelTarget } from '../backends/tunnel.js';
import type { Gateway } from '../gateway.js';
import { traceStep, type RequestContext } from '../request/context.js';
import { runPipeline } from '../request/pipeline.js';
import { fail, type StageOutcome } from '../request/stage.js';
import { TRACE_HEADER, wantsTrace } from '../request/trace.js';
import { answerFor, ended, type Outcome } from '../response/answer.js';
import { failure } from '../response/errors.js';
import { answerOnSocket, serializeAnswer } from './raw-response.js';
import { wireRequest } from './wire.js';

/** A plain answer goes onto the socket with its length: the backend's stream is read whole first. */
async function whole(d: Dispatched): Promise<Outcome> {
  if (!d.ok || !(d.body instanceof Readable)) return d;
  const chunks: Buffer[] = [];
  try {
    for await (const c of d.body) chunks.push(c as Buffer);
  } catch (err) {
    return {
      ok: false,
      failure: classifyUpstreamError(err, d.upstream ?? 'the backend'),
      ...(d.upstream !== undefined ? { upstream: d.upstream } : {}),
    };
  }
  return { ...d, body: Buffer.concat(chunks) };
}

function declaresBody(req: IncomingMessage): boolean {
  const cl = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (cl !== undefined && cl !== '0');
}

/**
 * An upgrade request that declares a body is refused, 400 APIG.0201 ([ours]; the documents are silent). Node
 * hands the bytes after the head over as the tunnel's first data, unframed, so apig could neither hash the body
 * for a signature, nor hold it to request_body_size, nor give it to a Mock or FUNCTION backend: it would pass
 * what the gateway, which reads the body first, refuses. A WebSocket handshake is a GET without one (RFC 6455
 * §4.1).
 */
function bodyRefused(ctx: RequestContext): StageOutcome {
  traceStep(ctx, 'restrictions', 'refused', { reason: 'an upgrade request with a body' });
  return fail(
    failure(
      'REQUEST_INVALID',
      'an upgrade request with a body (Content-Length or Transfer-Encoding): its body cannot be read before the switch',
    ),
  );
}

export async function handleUpgrade(
  gw: Gateway,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  scheme: 'http' | 'https',
  tunnels: Set<Duplex>,
): Promise<void> {
  const ctx = gw.begin(wireRequest(req, scheme), wantsTrace(req.headers[TRACE_HEADER]));
  const answer = (outcome: Outcome): void =>
    answerOnSocket(gw, socket, answerFor(ctx, outcome, gw, { websocket: true, onSocket: true }));
  const out = declaresBody(req) ? bodyRefused(ctx) : await runPipeline(ctx);
  if (out.kind === 'fail') return answer({ ok: false, failure: out.failure });
  const target = tunnelTarget(ctx, gw.runtime(ctx.config), String(req.headers.upgrade ?? 'websocket'));
  if (!target) return answer(await whole(await gw.dispatch(ctx, null)));
  if ('failure' in target) return answer({ ok: false, failure: target.failure });
  try {
    const up = await upgrade(`${target.origin}${target.path}`, {
      dispatcher: gw.dispatcher,
      method: req.method ?? 'GET',
      headers: target.headers,
      protocol: target.protocol,
    });
    const switched = answerFor(
      ctx,
      { ok: true, status: 101, headers: up.headers, body: '', upstream: target.upstream },
      gw,
      { websocket: true },
    );
    socket.write(serializeAnswer(switched));
    if (head.length > 0) up.socket.write(head);
    tunnels.add(socket);
    up.socket.on('error', () => socket.destroy());
    // Idle longer than the API's timeout closes the connection (004 ch.11); any traffic either way resets it.
    (socket as Socket).setTimeout(target.timeout);
    socket.on('timeout', () => socket.destroy());
    socket.once('close', () => {
      up.socket.destroy();
      tunnels.delete(socket);
      target.release();
      const event = ended(ctx, switched, gw.clock.now());
      if (event) gw.emit(event);
    });
    up.socket.once('close', () => socket.destroy());
    // Server sockets are half-open capable: an end from either side ends the tunnel.
    socket.once('end', () => socket.destroy());
    up.socket.once('end', () => socket.destroy());
    up.socket.pipe(socket);
    socket.pipe(up.socket);
  } catch (err) {
    target.release();
    answer({ ok: false, failure: classifyUpstreamError(err, target.upstream), upstream: target.upstream });
  }
}
