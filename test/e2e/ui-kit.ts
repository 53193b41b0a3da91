/**
 * Support for the `apig serve --ui` dashboard tests: the dashboard fixture served in-process on port 0 with its
 * echo backend, the dashboard's JSON, its event stream read as text, and the fixture's secrets (none of which may
 * ever reach the page).
 */
import { join } from 'node:path';
import { request } from 'undici';
import {
  launch,
  prepare,
  virtualClock,
  type GatewayEvent,
  type Launched,
  type LaunchOptions,
} from '../../src/gateway/index.js';
import { uiAccess } from '../../src/gateway/ui/access.js';
import { ROOT } from './run-cli.js';
import { startBackend, type Backend, type Handler } from './serve-helpers.js';

export const UI_FIXTURE = join(ROOT, 'fixtures/ui/apig.yaml');

/** Every secret written in fixtures/ui/apig.yaml, and the Basic credentials made of them. */
export const FIXTURE_SECRETS = [
  'app1-secret-s3cr3t-value',
  'app1-appcode-s3cr3t-value',
  'gw-password-s3cr3t-value',
  Buffer.from('gw-user:gw-password-s3cr3t-value').toString('base64'),
];

export interface UiGateway {
  url: string;
  ui: string;
  port: number;
  launched: Launched;
  backend: Backend;
  /** What the host's sink received (the CLI prints these). */
  events: GatewayEvent[];
  close(): Promise<void>;
}

export interface UiOptions {
  /** `--clock`: epoch ms. */
  clock?: number;
  /** `--ui-host`. */
  hosts?: string[];
  /** Listen address (default 127.0.0.1). */
  host?: string;
  extra?: Partial<LaunchOptions>;
  path?: string;
  watch?: boolean;
  /** How the backend (`#backend#`, the fixture's /echo) answers; by default it echoes the request. */
  backend?: Handler;
}

export async function startUi(options: UiOptions = {}): Promise<UiGateway> {
  const backend = await startBackend('echo', options.backend);
  const prepareOptions = {
    path: options.path ?? UI_FIXTURE,
    cwd: ROOT,
    env: {},
    protocolCheck: false,
    adjust: (ws: { environments: Array<{ variables: Record<string, string> }> }) => {
      for (const e of ws.environments) e.variables.backend = backend.address;
    },
  };
  const prepared = await prepare(prepareOptions);
  if (!prepared.config) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
  const access = uiAccess(options.hosts ?? []);
  if ('invalid' in access) throw new Error(`invalid --ui-host ${access.invalid.join(', ')}`);
  const events: GatewayEvent[] = [];
  const launched = await launch(prepared.config, {
    host: options.host ?? '127.0.0.1',
    port: 0,
    healthTimers: false,
    // As the CLI does: it prints every request's log line.
    onEvent: (e) => events.push(e),
    dashboard: { access, fidelity: prepared.fidelity, cwd: ROOT },
    ...(options.clock !== undefined ? { virtualClock: virtualClock(options.clock) } : {}),
    ...(options.watch ? { watch: prepareOptions } : {}),
    ...options.extra,
  });
  const url = (launched.server.urls[0] as string).replace('//0.0.0.0:', '//127.0.0.1:');
  return {
    url,
    ui: `${url}/_apig/ui/`,
    port: Number(new URL(url).port),
    launched,
    backend,
    events,
    close: async () => {
      await launched.close(1000);
      await backend.close();
    },
  };
}

export interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A page's event stream, open: from then on the dashboard keeps every request in full. Read it with `text()`. */
export async function openPage(base: string): Promise<{ text(): string; close(): void }> {
  const res = await request(`${base}/_apig/ui/api/events`);
  let text = '';
  res.body.on('data', (c: Buffer) => {
    text += c.toString('utf8');
  });
  return { text: () => text, close: () => res.body.destroy() };
}

export async function uiGet(base: string, path: string, headers: Record<string, string> = {}): Promise<Got> {
  const res = await request(`${base}${path}`, { headers });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

export async function uiPost(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Got> {
  const res = await request(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

/** The secrets of the fixture that `text` holds (none, always). */
export function leakedSecrets(text: string): string[] {
  return FIXTURE_SECRETS.filter((s) => text.includes(s));
}
