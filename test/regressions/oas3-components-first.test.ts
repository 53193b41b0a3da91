/**
 * Regression (Huawei's own example, Extension Definitions: x-apigateway-auth-type, OpenAPI 3.0 form; found by
 * fixtures/huawei-docs): a 3.0 document whose `components` held only security schemes lost the place of
 * `components` on the way through apig: it came back after `paths`, so `apig import` rewrote the document's
 * order and the round trip was not lossless. The key keeps its place whatever it holds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../src/oas/export-document.js';
import { loadGroupText } from '../../src/oas/load-group.js';

describe('an OpenAPI 3.0 document with components before paths', () => {
  it('keeps components where it was when it holds only security schemes', async () => {
    const text =
      'openapi: 3.0.1\ninfo: {title: g, version: "1"}\ncomponents:\n  securitySchemes:\n    app: {type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1}\npaths:\n  /a:\n    get:\n      operationId: getA\n      security: [{app: []}]\n      responses: {default: {description: ok}}\n      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}\n';
    const loaded = await loadGroupText('g.yaml', text);
    expect(loaded.group).toBeDefined();
    const doc = exportDocument(loaded.group as NonNullable<typeof loaded.group>, { scope: 'extended' });
    expect(Object.keys(doc)).toEqual(['openapi', 'info', 'components', 'paths']);
    expect(doc).toEqual(loaded.doc?.value);
  });

  it("and Huawei's example round-trips key for key", async () => {
    const text = readFileSync('fixtures/huawei-docs/auth-type-oas3.yaml', 'utf8');
    const loaded = await loadGroupText('auth-type-oas3.yaml', text);
    const doc = exportDocument(loaded.group as NonNullable<typeof loaded.group>, { scope: 'extended' });
    expect(JSON.stringify(doc)).toBe(JSON.stringify(loaded.doc?.value));
  });
});
