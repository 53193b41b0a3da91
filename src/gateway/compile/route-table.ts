/**
 * The route table printed at start-up: one row per API, with where it is published, its backend and, once the
 * gateway listens, a URL that reaches it (route-url.ts).
 */
import type { GatewayConfig } from './compiled.js';
import { describeBackend } from '../backends/compile.js';
import { routeUrl } from './route-url.js';

export interface RouteRow {
  method: string;
  path: string;
  match: 'exact' | 'prefix';
  group: string;
  environments: string[];
  backend: string;
  api: string;
  /** With `listening`: the API's URL on the gateway, parameters filled in (`http://shop.localhost:8080/users/1`). */
  url?: string;
}

/** `listening`: the gateway's `http://ADDRESS:PORT`, for the rows' URLs. */
export function routeTable(config: GatewayConfig, listening?: string): RouteRow[] {
  return config.apis.map((c) => ({
    method: c.api.method,
    path: c.path,
    match: (c.api.matchMode ?? 'NORMAL') === 'NORMAL' ? 'exact' : 'prefix',
    group: c.group.name,
    environments: [...c.backends.keys()],
    backend: describeBackend(c.api.backend),
    api: c.api.name,
    ...(listening !== undefined ? { url: routeUrl(c, config, listening) } : {}),
  }));
}
