/**
 * The listeners (transport/ is the only socket code, STYLE layout): HTTP, and HTTPS when given a certificate
 * (ruling 11). Requests go to http-adapter.ts, WebSocket upgrades to upgrade.ts; parser errors and CONNECT are
 * answered on the socket. Graceful shutdown stops accepting, lets requests in flight finish, then closes
 * (in-flight requests get `Connection: close`).
 */
import { createServer as createHttp, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ApigError } from '../../core/errors.js';
import type { Gateway } from '../gateway.js';
import { runPipeline } from '../request/pipeline.js';
import { answerFor } from '../response/answer.js';
import { failure, type ErrorId, type GatewayFailure } from '../response/errors.js';
import { scanConnection } from './head-sizes.js';
import { handleHttp } from './http-adapter.js';
import { stopLingering } from './linger.js';
import { answerOnSocket } from './raw-response.js';
import { handleUpgrade } from './upgrade.js';
import { wireFromSocket, wireRequest } from './wire.js';

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

/**
 * Node's parser errors as the gateway's answers (003 调用限制; ruling 9): headers beyond what the server
 * reads at all are 494, every other malformed request 400 APIG.0201.
 */
function parserErrorId(code: string | undefined): ErrorId {
  return code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'REQUEST_INVALID';
}

function parserFailure(code: string | undefined, message: string): GatewayFailure {
  return failure(parserErrorId(code), `the request could not be parsed: ${code ?? 'error'} ${message}`.trim());
}

/** A listen failure as the user can act on it (exit 2), not as an internal error. */
function listenProblem(err: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  if (err.code === 'EADDRINUSE')
    return new ApigError(
      'usage',
      `cannot listen on ${where}: the port is in use; choose another with -p, or -p 0 for a free one`,
    );
  if (err.code === 'EACCES')
    return new ApigError(
      'usage',
      `cannot listen on ${where}: permission denied (ports below 1024 need privileges); choose another with -p`,
    );
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN')
    return new ApigError('usage', `cannot listen on ${where}: ${host} is not an address of this machine (--host)`);
  return err;
}

export async function listen(gw: Gateway, options: ListenOptions): Promise<RunningServer> {
  const tunnels = new Set<Duplex>();
  const servers: Array<{ server: Server; scheme: 'http' | 'https'; port: number }> = [
    {
      server: createHttp({ maxHeaderSize: MAX_HEADER_SIZE, requireHostHeader: false }),
      scheme: 'http',
      port: options.port,
    },
  ];
  if (options.tls) {
    servers.push({
      server: createHttps({
        cert: options.tls.cert,
        key: options.tls.key,
        maxHeaderSize: MAX_HEADER_SIZE,
        requireHostHeader: false,
      }),
      scheme: 'https',
      port: options.tls.port,
    });
  }
  for (const { server, scheme } of servers) {
    // Every head is measured as sent (head-sizes.ts); for HTTPS, the decrypted stream Node's parser reads.
    server.on(scheme === 'https' ? 'secureConnection' : 'connection', (socket: Socket) => scanConnection(socket));
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
      // No group: the built-in template answers.
      const ctx = gw.begin(wireFromSocket(socket, scheme), false);
      answerOnSocket(
        gw,
        socket,
        answerFor(ctx, { ok: false, failure: parserFailure(err.code, err.message) }, gw, { onSocket: true }),
      );
    });
    server.on('connect', (req: IncomingMessage, socket: Duplex) => {
      socket.on('error', () => undefined);
      const ctx = gw.begin(wireRequest(req, scheme), false);
      // The restrictions stage refuses CONNECT (003 调用限制), or an earlier reason does; the pipeline is not awaited.
      const out = runPipeline(ctx);
      const f = out instanceof Promise || out.kind !== 'fail' ? parserFailure('CONNECT', 'CONNECT') : out.failure;
      answerOnSocket(gw, socket, answerFor(ctx, { ok: false, failure: f }, gw, { onSocket: true }));
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => undefined);
      void handleUpgrade(gw, req, socket, head, scheme, tunnels);
    });
  }
  await Promise.all(
    servers.map(
      ({ server, port }) =>
        new Promise<void>((resolve, reject) => {
          const failed = (err: NodeJS.ErrnoException): void => reject(listenProblem(err, options.host, port));
          server.once('error', failed);
          server.listen(port, options.host, () => {
            server.off('error', failed);
            gw.listensOn((server.address() as AddressInfo).port);
            resolve();
          });
        }),
    ),
  ).catch((err: unknown) => {
    // One listener may be up when the other fails: close it, or the process would not end.
    for (const { server } of servers) if (server.listening) server.close();
    throw err;
  });
  return {
    urls: servers.map(({ server, scheme }) => urlOf(scheme, server)),
    close: async (graceMs = 10_000) => {
      gw.startClosing();
      for (const t of tunnels) t.destroy();
      const closed = Promise.all(
        servers.map(
          ({ server }) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeIdleConnections();
            }),
        ),
      );
      let timer: NodeJS.Timeout | undefined;
      // Past the grace period the connections are closed and the backend calls still in flight cut.
      const deadline = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => {
          for (const { server } of servers) server.closeAllConnections();
          resolve(true);
        }, graceMs);
      });
      const cut = await Promise.race([closed.then(() => false), deadline]);
      clearTimeout(timer);
      await gw.close(cut);
    },
  };
}
