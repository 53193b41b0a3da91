import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../src/oas/export-document.js';
import { loadGroupFile, loadGroupText } from '../../../src/oas/load-group.js';
import type { Group } from '../../../src/core/model.js';

const load = async (f: string): Promise<Group> => {
  const { group } = await loadGroupFile(new URL(`../../../fixtures/${f}`, import.meta.url).pathname);
  if (!group) throw new Error(f);
  return group;
};

const ops = (doc: Record<string, unknown>): Array<Record<string, unknown>> =>
  Object.values(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap((item) =>
    Object.values(item),
  );

describe('export scopes (002 §5.2.9)', () => {
  it('basic has the front end only', async () => {
    const doc = exportDocument(await load('examples/full-featured.yaml'), { scope: 'basic' });
    const keys = new Set(ops(doc).flatMap((o) => Object.keys(o)));
    expect(keys.has('x-apigateway-backend')).toBe(false);
    expect(keys.has('x-apigateway-backend-policies')).toBe(false);
    expect(keys.has('x-apigateway-ratelimit')).toBe(false);
    expect(keys.has('x-apigateway-match-mode')).toBe(true);
    expect(keys.has('security')).toBe(true);
    expect(doc['x-apigateway-ratelimits']).toBeUndefined();
    expect(doc.securityDefinitions).toBeDefined();
  });

  it('full adds backends and policy backends but not policies', async () => {
    const doc = exportDocument(await load('examples/full-featured.yaml'), { scope: 'full' });
    const keys = new Set(ops(doc).flatMap((o) => Object.keys(o)));
    expect(keys.has('x-apigateway-backend')).toBe(true);
    expect(keys.has('x-apigateway-backend-policies')).toBe(true);
    expect(keys.has('x-apigateway-access-control')).toBe(false);
    expect(doc['x-apigateway-access-controls']).toBeUndefined();
  });

  it('extended adds throttling, access control, plugins and gateway responses', async () => {
    const doc = exportDocument(await load('examples/full-featured.yaml'), { scope: 'extended' });
    expect(doc['x-apigateway-ratelimits']).toBeDefined();
    expect(doc['x-apigateway-access-controls']).toBeDefined();
    expect(doc['x-apigateway-responses']).toBeDefined();
    expect(new Set(ops(doc).flatMap((o) => Object.keys(o))).has('x-apigateway-plugins')).toBe(true);
  });

  it('filters APIs, sets the version and drops apig-only keys for the console', async () => {
    const group = await load('variants/real-exports.yaml');
    const doc = exportDocument(group, {
      scope: 'extended',
      include: (a) => a.name === 'getUser',
      version: '2.0.0',
      forConsole: true,
    });
    expect(Object.keys(doc.paths as object)).toEqual(['/users/{userId}']);
    expect((doc.info as Record<string, unknown>).version).toBe('2.0.0');
    expect(doc['x-apig-lint-disable']).toBeUndefined();
    expect(doc['x-vendor-note']).toBe('root-level unknown field');
  });

  it("keeps a path item's own parameters at the path item", async () => {
    const doc = exportDocument(await load('variants/real-exports.yaml'), { scope: 'extended' });
    const item = (doc.paths as Record<string, Record<string, unknown>>)['/users/{userId}'];
    expect(item?.parameters).toEqual([{ name: 'userId', in: 'path', type: 'string', required: true }]);
    expect((item?.get as Record<string, unknown> | undefined)?.parameters).toHaveLength(2);
  });

  it('converts to OpenAPI 3.0', async () => {
    const doc = exportDocument(await load('examples/otc-four-backends.yaml'), { scope: 'extended', oas: 3 });
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.servers).toEqual([{ url: 'https://api.account.com' }]);
    expect((doc.components as Record<string, unknown>).securitySchemes).toBeDefined();
  });
});

describe('path items that hold no API', () => {
  const text = `swagger: "2.0"
info: {title: items, version: "1"}
paths:
  /empty: {}
  /shared:
    parameters: [{name: id, in: query, type: string}]
  /a:
    get:
      operationId: getA
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: a}}
`;
  const group = async (): Promise<Group> => {
    const { group: g } = await loadGroupText('items.yaml', text);
    if (!g) throw new Error('items.yaml');
    return g;
  };

  it('are written as they were when every API is exported', async () => {
    const doc = exportDocument(await group(), { scope: 'extended' });
    expect(doc.paths).toEqual({
      '/empty': {},
      '/shared': { parameters: [{ name: 'id', in: 'query', type: 'string' }] },
      '/a': expect.any(Object),
    });
  });

  it('are left out with the APIs an export leaves out', async () => {
    const doc = exportDocument(await group(), { scope: 'extended', include: () => true });
    expect(Object.keys(doc.paths as object)).toEqual(['/a']);
  });
});
