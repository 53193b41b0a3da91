/** The route table printed at start-up: one row per API, with where it is published and its backend. */
import type { GatewayConfig } from './compiled.js';
import { describeBackend } from '../backends/compile.js';

export interface RouteRow {
  method: string;
  path: string;
  match: 'exact' | 'prefix';
  group: string;
  environments: string[];
  backend: string;
  api: string;
}

export function routeTable(config: GatewayConfig): RouteRow[] {
  return config.apis.map((c) => ({
    method: c.api.method,
    path: c.path,
    match: (c.api.matchMode ?? 'NORMAL') === 'NORMAL' ? 'exact' : 'prefix',
    group: c.group.name,
    environments: [...c.backends.keys()],
    backend: describeBackend(c.api.backend),
    api: c.api.name,
  }));
}
