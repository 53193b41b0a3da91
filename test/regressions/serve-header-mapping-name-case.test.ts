/**
 * Regression: a REQUEST backend parameter that names a front-end header parameter in another letter case
 * (`value: x-h1` for the header declared `X-H1`) found no front-end parameter, so the gateway looked for a query
 * parameter `x-h1`, sent no `X-Out` and left `X-H1` in place. Header names are case-insensitive (Extension
 * Definitions, x-apigateway-backend.parameters; RFC 9110 §5.1), and lint accepts the mapping. Right: the mapping
 * finds the header, as a mapping written `value: X-H1` does.
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
  const dir = mkdtempSync(join(tmpdir(), 'apig-header-case-'));
  writeFileSync(
    join(dir, 'api.yaml'),
    `swagger: "2.0"
info: {title: header_case_group, version: "1"}
paths:
  /mapped:
    get:
      operationId: mapped
      parameters: [{name: X-H1, in: header, type: string}]
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        parameters: [{name: X-Out, value: x-h1, in: HEADER, origin: REQUEST}]
        httpEndpoints: {address: "${echo.address}", scheme: http, method: GET, path: /mapped}
`,
  );
  gw = await startGateway(join(dir, 'api.yaml'));
});
afterAll(async () => {
  await gw.close();
  await echo.close();
});

describe('a mapping naming a front-end header in another letter case', () => {
  it('moves the header to its backend name', async () => {
    const r = await call(`${gw.url}/mapped`, { headers: { 'X-H1': 'v' } });
    expect(r.status).toBe(200);
    const seen = r.json<{ headers: Record<string, string> }>().headers;
    expect(seen['x-out']).toBe('v');
    expect(seen['x-h1']).toBeUndefined();
  });
});
