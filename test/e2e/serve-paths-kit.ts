/**
 * The gateway of fixtures/serve/paths on port 0 with its echo backend, and raw requests to it (the targets
 * these tests send, `..` and absolute forms among them, are what HTTP clients normalise or refuse to send).
 */
import { raw, startBackend, startGateway, statusOf, type Backend, type InProcess } from './serve-helpers.js';

export interface PathsGateway {
  gw: InProcess;
  echo: Backend;
  /** Sends `GET <target>` (or the given request line's method) with `Host: localhost` unless `host` is given. */
  send(target: string, options?: { host?: string; method?: string }): Promise<Sent>;
  close(): Promise<void>;
}

export interface Sent {
  status: number;
  /** Response head, lower-cased header names. */
  headers: Record<string, string>;
  body: string;
  /** The URL the echo backend received, when this request reached it. */
  backendUrl: string | undefined;
  /** The request event's `detail` (why the gateway refused), when there is one. */
  detail: string | undefined;
  json(): Record<string, unknown>;
}

export async function pathsGateway(): Promise<PathsGateway> {
  const echo = await startBackend('echo');
  const gw = await startGateway('fixtures/serve/paths', (ws) => {
    const vars = ws.environments.find((e) => e.name === 'RELEASE')?.variables;
    if (vars) vars.echo = echo.address;
  });
  const send = async (target: string, options: { host?: string; method?: string } = {}): Promise<Sent> => {
    const before = echo.seen.length;
    const text = await raw(
      gw.port,
      `${options.method ?? 'GET'} ${target} HTTP/1.1\r\nHost: ${options.host ?? 'localhost'}\r\nConnection: close\r\n\r\n`,
    );
    const split = text.indexOf('\r\n\r\n');
    const headers: Record<string, string> = {};
    for (const line of text.slice(0, split).split('\r\n').slice(1)) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const body = text.slice(split + 4);
    const id = headers['x-request-id'];
    // The request event is emitted when the response closes: wait for it (bounded by the test timeout).
    let event = gw.events.find((e) => e.type === 'request' && e.requestId === id);
    while (!event) {
      await new Promise((r) => setTimeout(r, 5));
      event = gw.events.find((e) => e.type === 'request' && e.requestId === id);
    }
    return {
      status: statusOf(text),
      headers,
      body,
      backendUrl: echo.seen.length > before ? echo.seen.at(-1)?.url : undefined,
      detail: event.type === 'request' ? event.detail : undefined,
      json: () => JSON.parse(body) as Record<string, unknown>,
    };
  };
  return {
    gw,
    echo,
    send,
    close: async () => {
      await gw.close();
      await echo.close();
    },
  };
}
