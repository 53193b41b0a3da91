/**
 * Regression (issue 15, "Importing what people have"; found by the User Guide's "Importing APIs" example of an
 * HTTP VPC backend, whose OpenAPI 3.0 version ends with `components: x-apigateway-responses: {}`): a map of named
 * objects written empty (`x-apigateway-responses`, `x-apigateway-ratelimits`, `x-apigateway-access-controls`,
 * `securityDefinitions` / `components.securitySchemes`) was dropped on the way through apig, so `apig import`
 * rewrote the document and `apig export --check` reported the key lost. An empty map written in the file is
 * written back, in its place; a map the file does not have is still not added.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../src/core/model.js';
import { exportDocument } from '../../src/oas/export-document.js';
import { loadGroupText } from '../../src/oas/load-group.js';
import { runInProcess } from './in-process-cli.js';

const OPERATION =
  '      operationId: getA\n      responses: {default: {description: ok}}\n' +
  '      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}\n';

const SWAGGER =
  'swagger: "2.0"\ninfo: {title: empty_maps, version: "1"}\nsecurityDefinitions: {}\n' +
  `paths:\n  /a:\n    get:\n${OPERATION}` +
  'x-apigateway-ratelimits: {}\nx-apigateway-access-controls: {}\nx-apigateway-responses: {}\n';

const OAS3 =
  'openapi: 3.0.0\ninfo: {title: empty_maps, version: "1"}\n' +
  `paths:\n  /a:\n    get:\n${OPERATION}` +
  'components:\n  securitySchemes: {}\n  x-apigateway-responses: {}\nx-apigateway-ratelimits: {}\n';

async function roundTrip(name: string, text: string): Promise<{ before: unknown; after: unknown }> {
  const loaded = await loadGroupText(name, text);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const after = exportDocument(loaded.group as Group, { scope: 'extended' });
  return { before: loaded.doc?.value, after };
}

describe('a map of named objects written empty', () => {
  it.each([
    ['Swagger 2.0', 'swagger.yaml', SWAGGER],
    ['OpenAPI 3.0', 'openapi.yaml', OAS3],
  ])('%s: written back, key for key and in its place', async (_what, name, text) => {
    const { before, after } = await roundTrip(name, text);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it('a map the file does not have is not added', async () => {
    const { after } = await roundTrip(
      'none.yaml',
      SWAGGER.replace(/^(securityDefinitions|x-apigateway-.*): \{\}\n/gm, ''),
    );
    expect(Object.keys(after as object)).toEqual(['swagger', 'info', 'paths']);
  });

  it('apig export --check finds nothing lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-empty-maps-'));
    writeFileSync(join(dir, 'openapi.yaml'), OAS3);
    const r = await runInProcess(['export', '--check', 'openapi.yaml'], dir);
    expect(r.stdout).toContain('nothing is lost');
    expect(r.code).toBe(0);
  });
});
