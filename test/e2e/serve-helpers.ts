/**
 * Support for the `apig serve` scenarios: an echo backend on port 0, the gateway in-process on port 0
 * (through the library, as the CLI does), the gateway through the real binary, and raw-socket requests
 * for what HTTP clients refuse to send.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { request as undiciRequest } from 'undici';
import type { Workspace } from '../../src/core/workspace-model.js';
import { launch, prepare, type GatewayEvent, type Launched, type LaunchOptions } from '../../src/gateway/index.js';
import { BIN, ROOT } from './run-cli.js';

export interface Backend {
  port: number;
  address: string;
  /** Requests seen, newest last. */
  seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** Answers JSON `{ backend, method, url, headers, body }`; a custom handler may answer instead. */
export async function startBackend(name = 'echo', handler?: Handler): Promise<Backend> {
  const seen: Backend['seen'] = [];
  const upgraded = new Set<Duplex>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (handler) return handler(req, res, body);
      const text = JSON.stringify({ backend: name, method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(200, {
        'content-type': 'application/json',
        server: 'echo-backend',
        'x-request-id': 'from-backend',
      });
      res.end(text);
    });
  });
  // WebSocket: accept the handshake, then echo raw bytes back (enough to prove the tunnel).
  server.on('upgrade', (req: IncomingMessage, socket) => {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nX-Backend: ${name}\r\n\r\n`,
    );
    socket.on('data', (d: Buffer) => socket.write(Buffer.concat([Buffer.from('echo:'), d])));
    socket.on('error', () => undefined);
    socket.on('end', () => socket.end());
    upgraded.add(socket);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    address: `127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        for (const s of upgraded) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A port nothing listens on (opened, then closed). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface InProcess {
  url: string;
  port: number;
  launched: Launched;
  events: GatewayEvent[];
  close(): Promise<void>;
}

export async function startGateway(
  path: string,
  adjust?: (ws: Workspace) => void,
  options: Partial<LaunchOptions> & { protocolCheck?: boolean } = {},
): Promise<InProcess> {
  const events: GatewayEvent[] = [];
  const prepareOptions = {
    path,
    cwd: ROOT,
    env: {},
    protocolCheck: options.protocolCheck ?? false,
    ...(adjust ? { adjust } : {}),
  };
  const prepared = await prepare(prepareOptions);
  if (!prepared.config) throw new Error(`workspace errors: ${prepared.diagnostics.map((d) => d.message).join('; ')}`);
  const launched = await launch(prepared.config, {
    host: '127.0.0.1',
    port: 0,
    healthTimers: false,
    onEvent: (e) => events.push(e),
    ...options,
    ...(options.watch ? { watch: { ...prepareOptions, ...options.watch } } : {}),
  });
  const url = launched.server.urls[0] as string;
  return { url, port: Number(new URL(url).port), launched, events, close: () => launched.close(1000) };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export async function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const res = await undiciRequest(url, {
    method: (options.method ?? 'GET') as 'GET',
    headers: options.headers ?? {},
    body: options.body ?? null,
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
}

/** Sends raw bytes and reads until the server closes the connection. */
export function raw(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (e) => (chunks.length > 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(e)));
    socket.write(bytes);
  });
}

export function statusOf(rawResponse: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(rawResponse)?.[1] ?? 0);
}

export function bodyOf(rawResponse: string): Record<string, unknown> {
  return JSON.parse(rawResponse.slice(rawResponse.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
}

export interface CliServer {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number>;
}

/** `apig serve ... --port 0` through the real binary; resolves once it prints its listening line. */
export function spawnServe(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<CliServer> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<number>((r) => child.on('close', (code) => r(code ?? -1)));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      // The listening line, as text or (--log-format json) as a JSON line.
      const m = /apig gateway listening on (http:\/\/\S+)|\{"type":"listening","url":"(http:\/\/[^"]+)"\}/.exec(out);
      if (m) resolve({ child, url: (m[1] ?? m[2]) as string, stdout: () => out, stderr: () => err, exited });
    });
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString('utf8');
    });
    void exited.then((code) => reject(new Error(`apig serve exited ${code} before listening\n${out}\n${err}`)));
  });
}

/** Waits until `predicate` holds for the text a stream has produced so far (no timing assertions). */
export async function until(
  read: () => string,
  predicate: (text: string) => boolean,
  what: string,
  limitMs = 10_000,
): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = read();
    if (predicate(text)) return text;
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}; got:\n${text}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
