/**
 * Several gateways sharing one Redis, in this process (`launch` from src/gateway/index.ts, each on port 0 with a
 * Redis store of its own connection and a virtual clock of its own at the same fixed time), serving a workspace
 * written for the purpose: one Mock API per throttle counter (API, app, user, source IP) limited to 50 a minute,
 * and an IAM API for the AK/SK lock-out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, prepare, virtualClock, type GatewayEvent, type VirtualClock } from '../../src/gateway/index.js';
import { openStore } from '../../src/gateway/store/open-store.js';
import { parseRedisUrl, type FailMode } from '../../src/gateway/store/state-spec.js';
import { call, type Reply } from './serve-helpers.js';
import type { RedisServer } from './redis-kit.js';

/** 2026-01-01T00:00:00Z: the start of a minute, so a window is one whole minute of the virtual clock. */
export const T0 = Date.parse('2026-01-01T00:00:00Z');
export const LIMIT = 50;
export const APP = { key: 'app1-key', secret: 'app1-secret-value' };
export const AK = { key: 'AKALICE', secret: 'sk-alice-value' };

const mock = (name: string, extra: string): string =>
  `    get:\n      operationId: ${name}\n${extra}      responses: { "200": { description: ok } }\n` +
  `      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"api":"${name}"}' } }\n`;

const SPEC = `swagger: "2.0"
info: { title: shared, version: "1.0" }
paths:
  /api:
${mock('apiLimited', '      x-apigateway-ratelimit: perApi\n')}  /app:
${mock('appLimited', '      security: [{ apig-auth-app: [] }]\n      x-apigateway-ratelimit: perApp\n')}  /user:
${mock('userLimited', '      security: [{ apig-auth-iam: [] }]\n      x-apigateway-ratelimit: perUser\n')}  /ip:
${mock('ipLimited', '      x-apigateway-ratelimit: perIp\n')}  /iam:
${mock('iamApi', '      security: [{ apig-auth-iam: [] }]\n')}securityDefinitions:
  apig-auth-app: { type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1 }
  apig-auth-iam: { type: apiKey, name: unused, in: header, x-apigateway-auth-type: IAM }
x-apigateway-ratelimits:
  perApi: { api-limit: ${LIMIT}, interval: 1, unit: MINUTE }
  perApp: { api-limit: 100000, app-limit: ${LIMIT}, interval: 1, unit: MINUTE }
  perUser: { api-limit: 100000, user-limit: ${LIMIT}, interval: 1, unit: MINUTE }
  perIp: { api-limit: 100000, ip-limit: ${LIMIT}, interval: 1, unit: MINUTE }
`;

const WORKSPACE = `groups:
  - { name: shared, spec: shared.yaml }
apps:
  - { name: app1, id: app1-id, key: ${APP.key}, secret: ${APP.secret}, authorize: { RELEASE: ["*"] } }
instance:
  app_secret: true
  ratelimit_api_limits: 100000
iam:
  tokens:
    - { token: token-alice-value, user: alice, domain: acme, domainId: acme-id }
  aksk:
    - { ak: ${AK.key}, sk: ${AK.secret}, user: alice, domain: acme, domainId: acme-id }
`;

/** A folder with the workspace above (apig.yaml and shared.yaml), and `more` appended to apig.yaml. */
export function writeWorkspace(more = ''): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'apig-redis-ws-'));
  writeFileSync(join(dir, 'shared.yaml'), SPEC);
  writeFileSync(join(dir, 'apig.yaml'), WORKSPACE + more);
  return { dir, file: join(dir, 'apig.yaml') };
}

export interface Replica {
  url: string;
  clock: VirtualClock;
  events: GatewayEvent[];
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
}

export interface Replicas {
  replicas: Replica[];
  /** Moves every replica's clock. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function sharedGateways(
  redis: RedisServer,
  count: number,
  options: { prefix: string; fail?: FailMode },
): Promise<Replicas> {
  const ws = writeWorkspace();
  const prepared = await prepare({ path: ws.file, cwd: ws.dir, env: {}, protocolCheck: false });
  if (!prepared.config) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
  const config = prepared.config;
  const spec = parseRedisUrl(redis.url, { prefix: options.prefix, fail: options.fail ?? 'open' });
  const launched = await Promise.all(
    Array.from({ length: count }, async () => {
      const events: GatewayEvent[] = [];
      const onEvent = (e: GatewayEvent): void => {
        if (e.type !== 'request' || e.status >= 500) events.push(e);
      };
      const store = await openStore(spec, { onEvent, virtualClock: true });
      const clock = virtualClock(T0);
      const l = await launch(config, {
        host: '127.0.0.1',
        port: 0,
        healthTimers: false,
        virtualClock: clock,
        store,
        onEvent,
      });
      const url = l.server.urls[0] as string;
      return {
        replica: { url, clock, events, get: (path: string, headers = {}) => call(`${url}${path}`, { headers }) },
        close: () => l.close(1000),
      };
    }),
  );
  return {
    replicas: launched.map((x) => x.replica),
    advance: (ms) => {
      for (const x of launched) x.replica.clock.advance(ms);
    },
    close: async () => {
      await Promise.all(launched.map((x) => x.close()));
      rmSync(ws.dir, { recursive: true, force: true });
    },
  };
}

/** `total` requests at once, spread over the replicas in turn; the answers in order. */
export function burst(
  replicas: readonly Replica[],
  total: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<Reply[]> {
  return Promise.all(
    Array.from({ length: total }, (_, i) => (replicas[i % replicas.length] as Replica).get(path, headers)),
  );
}

/** Waits for an event (a guard against waiting forever, never a timing assertion). */
export async function eventually(what: string, holds: () => boolean, limitMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!holds()) {
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
