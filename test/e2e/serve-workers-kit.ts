/**
 * Support for the `apig serve --workers N` scenarios: a workspace with an API of each limit kind (50 per
 * minute: API, source IP, app, user) and an IAM AK/SK API, requests on fresh connections (so that the primary
 * hands each to the next worker in turn) and the JSON log read back by worker.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signRequest } from '../../src/sign/index.js';
import { raw, statusOf } from './serve-helpers.js';

export const LIMIT = 50;
export const APP = { key: 'app-key', secret: 'app-secret-value' };
export const TOKEN = 'token-alice-value';
export const AKSK = { key: 'AKALICE', secret: 'sk-alice-value' };

const mock = (name: string, extra: string): string => `  /${name}:
    get:
      operationId: ${name}
${extra}      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{"api":"${name}"}' } }
`;

export function apis(extra = ''): string {
  return `swagger: "2.0"
info: { title: workers, version: "1" }
paths:
${mock('fifty', '      x-apigateway-ratelimit: fifty\n')}${mock('thousand', '      x-apigateway-ratelimit: thousand\n')}${mock('per-ip', '      x-apigateway-ratelimit: perIp\n')}${mock(
  'per-app',
  '      security: [{ apig-auth-app: [] }]\n      x-apigateway-ratelimit: perApp\n',
)}${mock('per-user', '      security: [{ apig-auth-iam: [] }]\n      x-apigateway-ratelimit: perUser\n')}${mock(
  'iam',
  '      security: [{ apig-auth-iam: [] }]\n',
)}${mock('open', '')}  /slow:
    get:
      operationId: slow
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: HTTP, httpEndpoints: { address: "#slow#", scheme: http, method: GET, path: /slow } }
${extra}securityDefinitions:
  apig-auth-app: { type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1 }
  apig-auth-iam: { type: apiKey, name: unused, in: header, x-apigateway-auth-type: IAM }
x-apigateway-ratelimits:
  fifty: { api-limit: ${LIMIT}, interval: 1, unit: MINUTE }
  thousand: { api-limit: 1000, interval: 1, unit: MINUTE }
  perIp: { api-limit: 100000, ip-limit: ${LIMIT}, interval: 1, unit: MINUTE }
  perApp: { api-limit: 100000, app-limit: ${LIMIT}, interval: 1, unit: MINUTE }
  perUser: { api-limit: 100000, user-limit: ${LIMIT}, interval: 1, unit: MINUTE }
`;
}

/** A workspace folder: apig.yaml and api.yaml (the slow API's backend at `slowPort`). */
export function workersWorkspace(slowPort = 9): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-workers-'));
  writeFileSync(join(dir, 'api.yaml'), apis());
  writeFileSync(
    join(dir, 'apig.yaml'),
    `groups:
  - { name: workers, spec: api.yaml }
environments:
  RELEASE: { variables: { slow: "127.0.0.1:${slowPort}" } }
apps:
  - { name: app, id: app-id, key: ${APP.key}, secret: ${APP.secret}, authorize: { RELEASE: ["*"] } }
iam:
  tokens:
    - { token: ${TOKEN}, user: alice, domain: acme, domainId: acme-id }
  aksk:
    - { ak: ${AKSK.key}, sk: ${AKSK.secret}, user: alice, domain: acme, domainId: acme-id }
`,
  );
  return dir;
}

export interface Answer {
  status: number;
  requestId: string;
  text: string;
}

/** GET on a connection of its own (Connection: close): the primary gives each connection to the next worker. */
export async function fresh(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const lines = Object.entries({ Host: `127.0.0.1:${port}`, ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
  const text = await raw(port, `GET ${path} HTTP/1.1\r\n${lines.join('')}Connection: close\r\n\r\n`);
  return { status: statusOf(text), requestId: /\r\nx-request-id: (\w+)/i.exec(text)?.[1] ?? '', text };
}

/** Headers of an SDK-HMAC-SHA256 request signed at `now`. */
export function signed(port: number, path: string, cred: { key: string; secret: string }, now: number) {
  const trace = signRequest({ method: 'GET', url: `http://127.0.0.1:${port}${path}`, ...cred, now: new Date(now) });
  return Object.fromEntries(trace.headers) as Record<string, string>;
}

export interface LogLine {
  type: string;
  worker?: number;
  requestId?: string;
  status?: number;
  errorCode?: string;
  [k: string]: unknown;
}

/** The JSON lines of a log (--log-format json). */
export function logLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

/** The worker that served each request id, from the JSON log. */
export function servedBy(log: string): Map<string, number> {
  const by = new Map<string, number>();
  for (const l of logLines(log))
    if (l.type === 'request' && l.requestId !== undefined && l.worker !== undefined) by.set(l.requestId, l.worker);
  return by;
}
