/** OpenAPI 3.1 input (src/oas/oas31.ts): what only 3.1 has is found where it stands, and nothing else is. */
import { describe, expect, it } from 'vitest';
import { isOas31, oas31Uses } from '../../../src/oas/oas31.js';

const doc = (extra: Record<string, unknown>): Record<string, unknown> => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {},
  ...extra,
});

describe('oas31Uses', () => {
  it('a 3.1 file written the 3.0 way uses nothing 3.1-only', () => {
    const d = doc({
      paths: {
        '/a': {
          get: {
            parameters: [{ name: 'if', in: 'query', schema: { type: 'string', nullable: true, example: 'x' } }],
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { examples: { one: { value: { const: 1 } } } } },
              },
            },
          },
        },
      },
      components: { schemas: { User: { type: 'object', properties: { const: { type: 'string' } } } } },
    });
    expect(isOas31(d)).toBe(true);
    expect(oas31Uses(d)).toEqual([]);
  });

  it('names each 3.1-only construct at its pointer', () => {
    const d = doc({
      webhooks: {},
      jsonSchemaDialect: 'x',
      info: { title: 't', version: '1', summary: 's', license: { name: 'MIT', identifier: 'MIT' } },
      components: {
        pathItems: {},
        schemas: {
          A: { type: ['string', 'null'] },
          B: { type: 'object', properties: { n: { type: 'number', exclusiveMinimum: 0 } } },
          C: { allOf: [{ const: 1 }], items: { prefixItems: [] } },
          D: { type: 'string', examples: ['a'] },
        },
      },
    });
    expect(oas31Uses(d).map((u) => u.at)).toEqual([
      '/webhooks',
      '/jsonSchemaDialect',
      '/info/summary',
      '/info/license/identifier',
      '/components/pathItems',
      '/components/schemas/A/type',
      '/components/schemas/B/properties/n/exclusiveMinimum',
      '/components/schemas/C/allOf/0/const',
      '/components/schemas/C/items/prefixItems',
      '/components/schemas/D/examples',
    ]);
  });

  it('3.0 and Swagger 2.0 are not 3.1', () => {
    expect(isOas31({ openapi: '3.0.3' })).toBe(false);
    expect(isOas31({ swagger: '2.0' })).toBe(false);
    expect(isOas31({ openapi: '3.1' })).toBe(true);
  });
});
