/** Builds gateway configurations and request contexts by hand, so that stages are tested without sockets. */
import { emptySections, type Workspace } from '../../../src/core/workspace-model.js';
import { loadGroupText } from '../../../src/oas/load-group.js';
import type { GatewayConfig } from '../../../src/gateway/compile/compiled.js';
import { compileConfig } from '../../../src/gateway/compile/config.js';
import { newContext, type RequestContext, type WireRequest } from '../../../src/gateway/request/context.js';
import { standaloneServices, type Services } from '../../../src/gateway/state.js';

export async function workspaceFrom(
  yaml: string,
  extra: Partial<Workspace> = {},
  domains: string[] = [],
): Promise<Workspace> {
  const loaded = await loadGroupText('api.yaml', yaml);
  if (!loaded.group) throw new Error(loaded.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  return {
    file: 'apig.yaml',
    dir: '.',
    implicit: false,
    shown: 'apig.yaml',
    rangeOf: () => undefined,
    groups: [
      {
        ref: { name: 'g', spec: 'api.yaml', domains },
        file: 'api.yaml',
        shown: 'api.yaml',
        model: loaded.group,
        raw: loaded.doc?.value,
        rangeOf: (p) => loaded.doc?.rangeOf(p),
      },
    ],
    ...emptySections(),
    ...extra,
  };
}

export async function configFrom(
  yaml: string,
  extra: Partial<Workspace> = {},
  protocolCheck = false,
): Promise<GatewayConfig> {
  const { config, diagnostics } = compileConfig(await workspaceFrom(yaml, extra), { protocolCheck });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'));
  return config;
}

export function wire(over: Partial<WireRequest> & { url?: string } = {}): WireRequest {
  const headers = over.headers ?? { host: 'localhost' };
  const rawHeaders =
    over.rawHeaders ??
    Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v.flatMap((x) => [k, x]) : [k, String(v)]));
  return {
    method: 'GET',
    url: '/',
    httpVersion: '1.1',
    scheme: 'http',
    sourceIp: '10.0.0.1',
    localAddress: '127.0.0.1',
    ...over,
    headers,
    rawHeaders,
  };
}

/** `services`: fresh ones by default (state shared across requests only where a test passes the same ones). */
export function context(
  config: GatewayConfig,
  over: Partial<WireRequest> = {},
  services: Services = standaloneServices(),
): RequestContext {
  return newContext(config, wire(over), '0123456789abcdef0123456789abcdef', 0, true, services);
}

/** A Mock API in Swagger, for brevity. */
export const mock = (extra = ''): string => `      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: "{}" } }${extra}`;
