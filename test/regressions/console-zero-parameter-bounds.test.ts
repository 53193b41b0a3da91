/**
 * Regression (issue 15, "Importing what people have"; found by serving the User Guide's "Importing APIs" examples
 * in OpenAPI 3.0): the console writes 0 for a parameter bound that is not set (`maxLength: 0`, `maximum: 0` on
 * every parameter of its exports, and in the Extension Definitions example of x-apigateway-pass-through), and
 * `apig lint` reads it so, but `apig serve` applied it as a bound: every call of the documented examples was
 * refused with 400 APIG.0201 ("longer than 0"). A maximum length or maximum of 0 is no bound, for the gateway as
 * for lint; any other bound still holds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type InProcess, startGateway } from '../e2e/serve-helpers.js';

const SPEC = `swagger: "2.0"
info: {title: zero_bounds, version: "1"}
paths:
  /console:
    get:
      operationId: console
      parameters:
        - {name: name, in: header, type: string, required: true, maxLength: 0, minLength: 0, maximum: 0, minimum: 0}
        - {name: count, in: query, type: integer, maximum: 0, minimum: 0}
      responses: {default: {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /bounded:
    get:
      operationId: bounded
      parameters:
        - {name: name, in: header, type: string, required: true, maxLength: 2}
        - {name: count, in: query, type: integer, maximum: 5, minimum: 1}
      responses: {default: {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`;

let gw: InProcess;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'apig-zero-bounds-'));
  writeFileSync(join(dir, 'api.yaml'), SPEC);
  gw = await startGateway(join(dir, 'api.yaml'));
});
afterAll(async () => {
  await gw?.close();
});

describe('parameter bounds of 0, as the console writes them', () => {
  it('are no bounds: any length, any number', async () => {
    const r = await call(`${gw.url}/console?count=42`, { headers: { name: 'alice' } });
    expect([r.status, r.text]).toEqual([200, 'ok']);
  });

  it('other bounds still hold', async () => {
    const long = await call(`${gw.url}/bounded?count=3`, { headers: { name: 'alice' } });
    expect([long.status, long.json().error_code]).toEqual([400, 'APIG.0201']);
    const big = await call(`${gw.url}/bounded?count=6`, { headers: { name: 'al' } });
    expect([big.status, big.json().error_code]).toEqual([400, 'APIG.0201']);
    const ok = await call(`${gw.url}/bounded?count=5`, { headers: { name: 'al' } });
    expect(ok.status).toBe(200);
  });
});
