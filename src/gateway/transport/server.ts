/**
 * The only code that touches sockets (STYLE layout): HTTP, and HTTPS when given a certificate (ruling 11);
 * parser errors, CONNECT and WebSocket tunnels; graceful shutdown that stops accepting, lets requests in
 * flight finish, then closes (in-flight requests get `Connection: close`).
 */
import { createServer as createHttp, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ApigError } from '../core/errors.js';
import { upgrade } from 'undici';
import { classifyUpstreamError } from './backends/http.js';
import type { WireRequest } from './context.js';
import type { Gateway } from './gateway.js';
import { handleHttp, wireRequest } from './http-adapter.js';
import { stopLingering } from './linger.js';
import { parserFailure, rawError, serializeResponse } from './raw-response.js';
import { runPipeline } from './pipeline.js';
import { decideUpgrade } from './upgrade.js';
import { renderError } from './responses.js';
import { gatewayHeaders } from './respond.js';
import { ERRORS } from './errors.js';

export interface ListenOptions {
  host: string;
  port: number;
  tls?: { cert: string | Buffer; key: string | Buffer; port: number };
}

export interface RunningServer {
  /** `http://HOST:PORT` and, with TLS, `https://HOST:PORT`. */
  urls: string[];
  /** Stops accepting, waits for requests in flight (at most `graceMs`), then closes everything. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Room for a 32 KB URI and 128 KB of headers, so that the pipeline (not the parser) answers 414/494. Node's own
 * refusal of an HTTP/1.1 request without Host (a bare 400) is off: the restrictions stage refuses it instead.
 */
const MAX_HEADER_SIZE = 200 * 1024;

function urlOf(scheme: string, server: Server): string {
  const a = server.address() as AddressInfo;
  return `${scheme}://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
}

function wireFromSocket(socket: Duplex, scheme: 'http' | 'https'): WireRequest {
  const s = socket as Socket;
  return { method: '', url: '/', httpVersion: '1.1', rawHeaders: [], headers: {}, scheme, sourceIp: s.remoteAddress ?? '', localAddress: s.localAddress ?? '' };
}

/** A listen failure as the user can act on it (exit 2), not as an internal error. */
function listenProblem(err: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  if (err.code === 'EADDRINUSE') return new ApigError('usage', `cannot listen on ${where}: the port is in use; choose another with -p, or -p 0 for a free one`);
  if (err.code === 'EACCES') return new ApigError('usage', `cannot listen on ${where}: permission denied (ports below 1024 need privileges); choose another with -p`);
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return new ApigError('usage', `cannot listen on ${where}: ${host} is not an address of this machine (--host)`);
  return err;
}

export async function listen(gw: Gateway, options: ListenOptions): Promise<RunningServer> {
  const tunnels = new Set<Duplex>();
  const servers: Array<{ server: Server; scheme: 'http' | 'https'; port: number }> = [
    { server: createHttp({ maxHeaderSize: MAX_HEADER_SIZE, requireHostHeader: false }), scheme: 'http', port: options.port },
  ];
  if (options.tls) {
    servers.push({ server: createHttps({ cert: options.tls.cert, key: options.tls.key, maxHeaderSize: MAX_HEADER_SIZE, requireHostHeader: false }), scheme: 'https', port: options.tls.port });
  }
  for (const { server, scheme } of servers) {
    // Node keeps only the first 1,000 or so headers and drops the rest unseen; the restrictions stage must see
    // every header the client sent (a second Host, a Content-Length, the 128 KB total). MAX_HEADER_SIZE bounds them.
    server.maxHeadersCount = 0;
    server.on('request', (req: IncomingMessage, res) => handleHttp(gw, req, res, scheme));
    // An Expect other than 100-continue: Node would answer a bare 417 itself (no APIG body, no X-Request-Id);
    // the gateway, like nginx, ignores it and serves the request (the header is not forwarded).
    server.on('checkExpectation', (req: IncomingMessage, res) => handleHttp(gw, req, res, scheme));
    server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
      if (stopLingering(socket)) return;
      if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
      const { bytes, event } = rawError(gw, wireFromSocket(socket, scheme), parserFailure(err.code, err.message));
      socket.end(bytes);
      gw.emit(event);
    });
    server.on('connect', (req: IncomingMessage, socket: Duplex) => {
      socket.on('error', () => undefined);
      const wire = wireRequest(req, scheme);
      const ctx = gw.begin(wire, false);
      const out = runPipeline(ctx);
      const f = out instanceof Promise || out.kind !== 'fail' ? parserFailure('CONNECT', 'CONNECT') : out.failure;
      const { bytes, event } = rawError(gw, wire, f, ctx);
      socket.end(bytes);
      gw.emit(event);
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => undefined);
      void tunnel(gw, req, socket, head, scheme, tunnels);
    });
  }
  await Promise.all(servers.map(({ server, port }) => new Promise<void>((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException): void => reject(listenProblem(err, options.host, port));
    server.once('error', failed);
    server.listen(port, options.host, () => {
      server.off('error', failed);
      gw.selfPorts.add((server.address() as AddressInfo).port);
      resolve();
    });
  }))).catch((err: unknown) => {
    // One listener may be up when the other fails: close it, or the process would not end.
    for (const { server } of servers) if (server.listening) server.close();
    throw err;
  });
  return {
    urls: servers.map(({ server, scheme }) => urlOf(scheme, server)),
    close: async (graceMs = 10_000) => {
      gw.closing = true;
      for (const t of tunnels) t.destroy();
      const closed = Promise.all(servers.map(({ server }) => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      })));
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          for (const { server } of servers) server.closeAllConnections();
          resolve();
        }, graceMs);
      });
      await Promise.race([closed, deadline]);
      clearTimeout(timer);
      await gw.close();
    },
  };
}

async function tunnel(gw: Gateway, req: IncomingMessage, socket: Duplex, head: Buffer, scheme: 'http' | 'https', tunnels: Set<Duplex>): Promise<void> {
  const { ctx, event, action } = await decideUpgrade(gw, req, scheme);
  const finish = (status: number): void => {
    Object.assign(event, { status, latencyMs: gw.clock.now() - ctx.receivedAt, ...(ctx.group ? { group: ctx.group.name } : {}), ...(ctx.env !== undefined ? { env: ctx.env } : {}), ...(ctx.hit ? { api: ctx.hit.api.api.name } : {}), ...(ctx.trace ? { trace: ctx.trace } : {}) });
    gw.emit(event);
  };
  if (action.kind === 'respond') {
    socket.end(serializeResponse(action.status, action.reason, action.headers, action.body));
    return finish(action.status);
  }
  try {
    const up = await upgrade(`${action.origin}${action.path}`, { dispatcher: gw.dispatcher, method: req.method ?? 'GET', headers: action.headers, protocol: action.protocol });
    const headers = { ...up.headers, ...action.gatewayHeaders };
    socket.write(serializeResponse(101, 'Switching Protocols', headers, ''));
    if (head.length > 0) up.socket.write(head);
    tunnels.add(socket);
    up.socket.on('error', () => socket.destroy());
    // Idle longer than the API's timeout closes the connection (004 ch.11); any traffic either way resets it.
    (socket as Socket).setTimeout(action.timeout);
    socket.on('timeout', () => socket.destroy());
    socket.once('close', () => {
      up.socket.destroy();
      tunnels.delete(socket);
      action.release();
      finish(101);
    });
    up.socket.once('close', () => socket.destroy());
    // Server sockets are half-open capable: an end from either side ends the tunnel.
    socket.once('end', () => socket.destroy());
    up.socket.once('end', () => socket.destroy());
    up.socket.pipe(socket);
    socket.pipe(up.socket);
  } catch (err) {
    action.release();
    const f = classifyUpstreamError(err, `${action.origin}${action.path.split('?')[0] ?? ''}`);
    event.errorCode = ERRORS[f.id].code;
    if (f.detail !== undefined) event.detail = f.detail;
    const r = renderError(f, ctx);
    const headers = gatewayHeaders(ctx, gw.clock, undefined);
    for (const [k, v] of r.headers) headers[k] = v;
    headers['content-length'] = String(Buffer.byteLength(r.body));
    headers.connection = 'close';
    socket.end(serializeResponse(r.status, undefined, headers, r.body));
    finish(r.status);
  }
}
