/**
 * Regression (issue 15, "a workspace of several groups is reachable without editing"): `apig init`, then two
 * imports, made a workspace of three groups with no DEFAULT group and no domains bound, and every request answered
 * 404 APIG.0101 ("no group binds the domain"): there was no way to call any of its APIs without editing apig.yaml,
 * and the route table printed no address to call.
 * Right: each group also answers at its local domain, its name made a DNS label (`orders_V2` →
 * `orders-v2.localhost`, which curl and browsers resolve to the loopback address), and the route table gives each
 * API a URL on it. A call by IP still reaches no group, as documented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../src/gateway/index.js';
import { getWithHost, initWithImports, type ThreeGroups } from '../e2e/local-domains-kit.js';
import { startGateway, type InProcess } from '../e2e/serve-helpers.js';

let ws: ThreeGroups;
let gw: InProcess;
beforeAll(async () => {
  ws = await initWithImports();
  gw = await startGateway(ws.dir);
});
afterAll(async () => {
  await gw.close();
  ws.remove();
});

describe('init and two imports: three groups, no DEFAULT, no domains', () => {
  it.each([
    ['shop.localhost', '/hello', 'shop'],
    ['apigroup-docs.localhost', '/users/1', 'APIGroup_docs'],
    ['orders-v2.localhost', '/users/1', 'orders_V2'],
  ])('Host %s reaches its group', async (name, path, group) => {
    const r = await getWithHost(gw.port, `${name}:${gw.port}`, path);
    expect([r.status, r.group]).toEqual([200, group]);
  });

  it('a call by IP is still 404 APIG.0101', async () => {
    expect((await getWithHost(gw.port, `127.0.0.1:${gw.port}`, '/hello')).status).toBe(404);
  });

  it('the route table has a URL for each API', () => {
    const config = gw.launched.gateway.config;
    expect(routeTable(config, gw.url).map((r) => r.url)).toEqual([
      `http://shop.localhost:${gw.port}/hello`,
      `http://apigroup-docs.localhost:${gw.port}/users/userId`,
      `http://orders-v2.localhost:${gw.port}/users/userId`,
    ]);
  });
});
