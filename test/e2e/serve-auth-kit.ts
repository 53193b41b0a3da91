/**
 * The gateway of fixtures/serve/auth on port 0, with its echo backend, a backend that sets its own CORS
 * header, a URL authorizer and a virtual clock; and SDK-HMAC-SHA256 signing with src/sign.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Workspace } from '../../src/core/workspace-model.js';
import {
  launch,
  prepare,
  virtualClock,
  type GatewayEvent,
  type Launched,
  type VirtualClock,
} from '../../src/gateway/index.js';
import { signRequest, type SignInput } from '../../src/sign/index.js';
import { ROOT } from './run-cli.js';
import { startBackend, type Backend } from './serve-helpers.js';

/** 50 s into a minute: windows aligned to the epoch end 10 s later (ruling 4). */
export const T0 = Date.parse('2026-01-01T00:00:50Z');

export interface AuthGateway {
  url: string;
  clock: VirtualClock;
  echo: Backend;
  urlAuthorizer: { calls: unknown[]; answer: (event: Record<string, unknown>) => unknown };
  events: GatewayEvent[];
  launched: Launched;
  close(): Promise<void>;
}

export async function authGateway(
  options: { lenientSignatures?: boolean; adjust?: (ws: Workspace) => void } = {},
): Promise<AuthGateway> {
  const echo = await startBackend('echo');
  const corsy = await startBackend('corsy', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': 'http://www.cors.com' });
    res.end('{"corsy":true}');
  });
  const urlAuthorizer: AuthGateway['urlAuthorizer'] = {
    calls: [],
    answer: (e) => ({
      statusCode: 200,
      body: JSON.stringify({ status: (e.headers as Record<string, string>)['x-key'] === 'open' ? 'allow' : 'deny' }),
    }),
  };
  const authServer: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      urlAuthorizer.calls.push(event);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(urlAuthorizer.answer(event)));
    });
  });
  await new Promise<void>((r) => authServer.listen(0, '127.0.0.1', r));
  const authPort = (authServer.address() as AddressInfo).port;
  const adjust = (ws: Workspace): void => {
    for (const e of ws.environments) Object.assign(e.variables, { echo: echo.address, corsy: corsy.address });
    const a = ws.authorizers.find((x) => x.name === 'url-authorizer');
    if (a) a.url = `http://127.0.0.1:${authPort}/authorize`;
    options.adjust?.(ws);
  };
  const prepared = await prepare({
    path: 'fixtures/serve/auth',
    cwd: ROOT,
    env: {},
    protocolCheck: false,
    adjust,
    lenientSignatures: options.lenientSignatures === true,
  });
  if (!prepared.config) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  const clock = virtualClock(T0);
  const events: GatewayEvent[] = [];
  const launched = await launch(prepared.config, {
    host: '127.0.0.1',
    port: 0,
    healthTimers: false,
    virtualClock: clock,
    onEvent: (e) => events.push(e),
  });
  return {
    url: launched.server.urls[0] as string,
    clock,
    echo,
    urlAuthorizer,
    events,
    launched,
    close: async () => {
      await launched.close(1000);
      await Promise.all([echo.close(), corsy.close(), new Promise<void>((r) => authServer.close(() => r()))]);
    },
  };
}

export const APP1 = { key: 'app1-key', secret: 'app1-secret-value' };
export const APP2 = { key: 'app2-key', secret: 'app2-secret-value' };
export const VIP = { key: 'vip-key', secret: 'vip-secret-value' };

/** Headers of a request signed at `now` (SDK-HMAC-SHA256, signing.md §3), Host included. */
export function signedHeaders(
  url: string,
  cred: { key: string; secret: string },
  now: number,
  extra: Partial<SignInput> = {},
): Record<string, string> {
  const trace = signRequest({ method: 'GET', url, key: cred.key, secret: cred.secret, now: new Date(now), ...extra });
  return Object.fromEntries(trace.headers);
}
