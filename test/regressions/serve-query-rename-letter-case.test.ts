/**
 * Regression: a REQUEST mapping that renames a query parameter only in letter case (`Q1` to `q1`) left the caller's
 * `Q1` in place beside the new `q1`, because the names were compared without case, as header names are. Query
 * names are case-sensitive (Extension Definitions, x-apigateway-backend.parameters: only header names are
 * case-insensitive), so this is a rename, and a rename removes the parameter from where it came (the worked example
 * of API Gateway User Guide, 5.2.1). Header names still compare without case: `X-H1` to `x-h1` is the same header.
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
  const dir = mkdtempSync(join(tmpdir(), 'apig-query-recase-'));
  writeFileSync(
    join(dir, 'api.yaml'),
    `swagger: "2.0"
info: {title: recase_group, version: "1"}
paths:
  /recased:
    get:
      operationId: recased
      parameters:
        - {name: Q1, in: query, type: string}
        - {name: X-H1, in: header, type: string}
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        parameters:
          - {name: q1, value: Q1, in: QUERY, origin: REQUEST}
          - {name: x-h1, value: X-H1, in: HEADER, origin: REQUEST}
        httpEndpoints: {address: "${echo.address}", scheme: http, method: GET, path: /recased}
`,
  );
  gw = await startGateway(join(dir, 'api.yaml'));
});
afterAll(async () => {
  await gw.close();
  await echo.close();
});

describe('a mapping that changes only the letter case of a name', () => {
  it('renames a query parameter: Q1 leaves the query string, q1 takes its value', async () => {
    const r = await call(`${gw.url}/recased?Q1=a&x=1`, { headers: { 'X-H1': 'h' } });
    expect(r.status).toBe(200);
    const seen = r.json<{ url: string; headers: Record<string, string> }>();
    expect(seen.url).toBe('/recased?x=1&q1=a');
    expect(seen.headers['x-h1']).toBe('h');
  });
});
