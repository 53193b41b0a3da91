/**
 * Regression: a front-end `{id}` takes one segment, in which an encoded slash is data (`/g/a%2Fb` binds id = `a/b`).
 * Mapped into a backend `{q+}`, the value was split at that slash, so the backend received `/c/a/b`: two segments
 * where the gateway routed one, the misreading docs/serve.md ("An encoded slash is data") rules out: "The backend
 * receives it still encoded (`a%2Fb`), whether it fills a `{name}`, a `{name+}` or the prefix remainder." Right:
 * a front-end path parameter's value keeps the segments the router matched, in a `{name+}` too; a value from a
 * query parameter, a constant or a `$context` variable is still split at its slashes in a `{name+}`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startBackend, startGateway, type Backend, type InProcess } from '../e2e/serve-helpers.js';

let echo: Backend;
let gw: InProcess;
beforeAll(async () => {
  echo = await startBackend();
  const dir = mkdtempSync(join(tmpdir(), 'apig-slash-greedy-'));
  writeFileSync(
    join(dir, 'api.yaml'),
    `swagger: "2.0"
info: {title: slash_group, version: "1"}
paths:
  /g/{id}:
    get:
      operationId: one_segment
      parameters: [{name: id, in: path, required: true, type: string}]
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        parameters: [{name: q, value: id, in: PATH, origin: REQUEST}]
        httpEndpoints: {address: "${echo.address}", scheme: http, method: GET, path: "/c/{q+}"}
  /q:
    get:
      operationId: from_query
      parameters: [{name: v, in: query, required: true, type: string}]
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        parameters: [{name: q, value: v, in: PATH, origin: REQUEST}]
        httpEndpoints: {address: "${echo.address}", scheme: http, method: GET, path: "/c/{q+}"}
`,
  );
  gw = await startGateway(join(dir, 'api.yaml'));
});
afterAll(async () => {
  await gw.close();
  await echo.close();
});

const urlSeen = async (target: string): Promise<string> => {
  const r = await call(`${gw.url}${target}`);
  expect(r.status).toBe(200);
  return r.json<{ url: string }>().url;
};

describe('a value placed in a backend {q+}', () => {
  it('from a front-end {id}: the encoded slash stays encoded', async () => {
    expect(await urlSeen('/g/a%2Fb')).toBe('/c/a%2Fb');
  });

  it('from a query parameter: split at its slashes, as before', async () => {
    expect(await urlSeen('/q?v=a%2Fb')).toBe('/c/a/b');
  });
});
