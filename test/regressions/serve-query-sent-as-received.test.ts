/**
 * Regression: the query string an API's backend received was rebuilt and re-encoded whenever the API declared a
 * query parameter, although nothing changed it (`z=a+b&e=%41` arrived as `z=a%20b&e=A`), and a REQUEST mapping of
 * a query parameter to itself also dropped its repeated values (`a=1&a=2` arrived as `a=1`, moved to the end).
 * docs/serve.md: "The query string is sent exactly as received unless a parameter changes it." Right: it is, and
 * a mapping that keeps a parameter's name and location leaves it as sent.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startBackend, startGateway, type Backend, type InProcess } from '../e2e/serve-helpers.js';

const api = (path: string, params: string, mapping: string): string => `  ${path}:
    get:
      operationId: ${path.slice(1)}
      parameters: [${params}]
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        parameters: [${mapping}]
        httpEndpoints: {address: "#echo#", scheme: http, method: GET, path: ${path}}
`;

let echo: Backend;
let gw: InProcess;
beforeAll(async () => {
  echo = await startBackend();
  const dir = mkdtempSync(join(tmpdir(), 'apig-query-as-received-'));
  writeFileSync(
    join(dir, 'api.yaml'),
    `swagger: "2.0"
info: {title: query_group, version: "1"}
paths:
${api('/declared', '{name: k, in: query, type: string}', '')}
${api('/identity', '{name: a, in: query, type: string}', '{name: a, value: a, in: QUERY, origin: REQUEST}')}
${api('/defaulted', '{name: page, in: query, type: integer, default: 1}', '')}
${api('/hidden', '{name: s, in: query, type: string, x-apigateway-pass-through: never}', '')}`,
  );
  writeFileSync(
    join(dir, 'apig.yaml'),
    `groups: [{name: query_group, spec: api.yaml}]
environments:
  RELEASE: {variables: {echo: "${echo.address}"}}
`,
  );
  gw = await startGateway(dir);
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

describe('the query string the backend receives', () => {
  it('is the caller’s when the API declares a query parameter and nothing changes it', async () => {
    expect(await urlSeen('/declared?k=1&z=a+b&e=%41&w=%7e')).toBe('/declared?k=1&z=a+b&e=%41&w=%7e');
  });

  it('is the caller’s when a query parameter is mapped to itself', async () => {
    expect(await urlSeen('/identity?a=1&b=x+y&a=2')).toBe('/identity?a=1&b=x+y&a=2');
  });

  it('still gains the default of an absent optional parameter', async () => {
    expect(await urlSeen('/defaulted?z=a+b')).toBe('/defaulted?z=a%20b&page=1');
    expect(await urlSeen('/defaulted?page=3&z=a+b')).toBe('/defaulted?page=3&z=a+b');
  });

  it('is the caller’s when a pass-through: never parameter was not sent', async () => {
    expect(await urlSeen('/hidden?z=a+b')).toBe('/hidden?z=a+b');
    expect(await urlSeen('/hidden?s=secret&z=a+b')).toBe('/hidden?z=a%20b');
  });
});
