/**
 * The semantic checks swagger-parser made (spec-checks.ts): one case per check, each finding at the exact place,
 * through local $refs, and every variant Huawei documents (fixtures/huawei-docs/) still valid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/oas/source.js';
import { specChecks } from '../../../src/oas/spec-checks.js';
import { validateDocument } from '../../../src/oas/validate.js';

const v2 = (paths: Record<string, unknown>, root: Record<string, unknown> = {}): Record<string, unknown> => ({
  swagger: '2.0',
  info: { title: 't', version: '1' },
  paths,
  ...root,
});
const op = (fields: Record<string, unknown> = {}) => ({ responses: { '200': { description: 'ok' } }, ...fields });
const q = (name: string, extra: Record<string, unknown> = {}) => ({ name, in: 'query', type: 'string', ...extra });
const id = (extra: Record<string, unknown> = {}) => ({
  name: 'id',
  in: 'path',
  type: 'string',
  required: true,
  ...extra,
});

const checked = (doc: Record<string, unknown>): Array<[string, string]> =>
  specChecks(doc, 'swagger2', 'api.yaml').map((d) => [d.path, d.message]);

const cases: Array<[string, Record<string, unknown>, Array<[string, string]>]> = [
  [
    'a duplicate operationId, at the second one',
    v2({ '/a': { get: op({ operationId: 'x' }) }, '/b': { post: op({ operationId: 'x' }) } }),
    [
      [
        '/paths/~1b/post/operationId',
        'paths > /b > post > operationId "x" is already the operationId of GET /a: each operation needs its own',
      ],
    ],
  ],
  [
    'a parameter declared twice in an operation, also in another case of in',
    v2({ '/a': { get: op({ parameters: [q('a'), q('b'), q('a', { in: 'QUERY', description: 'again' })] }) } }),
    [
      [
        '/paths/~1a/get/parameters/2',
        'paths > /a > get > parameters > 2: the query parameter "a" is declared twice in this list (first at paths > /a > get > parameters > 0)',
      ],
    ],
  ],
  [
    'a parameter declared twice in a Path Item',
    v2({ '/a': { parameters: [q('h'), { $ref: '#/parameters/h' }], get: op() } }, { parameters: { h: q('h') } }),
    [
      [
        '/paths/~1a/parameters/1',
        'paths > /a > parameters > 1: the query parameter "h" is declared twice in this list (first at paths > /a > parameters > 0)',
      ],
    ],
  ],
  [
    'two body parameters',
    v2({
      '/a': {
        post: op({
          parameters: [
            { name: 'b1', in: 'body', schema: {} },
            { name: 'b2', in: 'BODY', schema: {} },
          ],
        }),
      },
    }),
    [
      [
        '/paths/~1a/post/parameters/1',
        'paths > /a > post > parameters > 1: a second body parameter ("b2"); an operation takes one at most (first: "b1")',
      ],
    ],
  ],
  [
    'a body and a formData parameter, one from the Path Item',
    v2({
      '/a': {
        parameters: [{ name: 'f', in: 'formData', type: 'string' }],
        post: op({ parameters: [{ name: 'b', in: 'body', schema: {} }] }),
      },
    }),
    [
      [
        '/paths/~1a/parameters/0',
        'paths > /a > parameters > 0: formData parameter "f" beside the body parameter "b": an operation takes either a body or formData parameters (a form), not both',
      ],
    ],
  ],
  [
    'a placeholder named twice',
    v2({ '/a/{id}/{id}': { get: op({ parameters: [id()] }) } }),
    [['/paths/~1a~1{id}~1{id}', 'paths > /a/{id}/{id}: the path names {id} twice']],
  ],
  [
    'a path parameter (through $ref) with no placeholder',
    v2({ '/a': { get: op({ parameters: [{ $ref: '#/parameters/id' }] }) } }, { parameters: { id: id() } }),
    [
      [
        '/paths/~1a/get/parameters/0',
        'paths > /a > get > parameters > 0: the path parameter "id" has no {id} in the path /a: add {id} to the path, or declare it in: query or in: header',
      ],
    ],
  ],
  [
    'a path parameter with a near name',
    v2({ '/a/{userId}': { get: op({ parameters: [id({ name: 'usrId' })] }) } }),
    [
      [
        '/paths/~1a~1{userId}/get/parameters/0',
        'paths > /a/{userId} > get > parameters > 0: the path parameter "usrId" has no {usrId} in the path /a/{userId} (did you mean "userId"?)',
      ],
      [
        '/paths/~1a~1{userId}/get',
        'paths > /a/{userId} > get declares no path parameter for {userId}: add {name: userId, in: path, required: true, type: string} to its parameters',
      ],
    ],
  ],
  [
    'a placeholder without its parameter, a greedy one named as written',
    v2({ '/a/{id}/{rest+}': { get: op({ parameters: [id()] }) } }),
    [
      [
        '/paths/~1a~1{id}~1{rest+}/get',
        'paths > /a/{id}/{rest+} > get declares no path parameter for {rest+}: add {name: rest, in: path, required: true, type: string} to its parameters',
      ],
    ],
  ],
  [
    'an array parameter without items: inline, and a shared definition once',
    v2(
      {
        '/a': { get: op({ parameters: [q('ids', { type: 'array' }), { $ref: '#/parameters/x' }] }) },
        '/b': { get: op({ parameters: [{ $ref: '#/parameters/x' }] }) },
      },
      { parameters: { x: q('x', { type: 'array' }) } },
    ),
    [
      [
        '/paths/~1a/get/parameters/0',
        'paths > /a > get > parameters > 0 is an array without items: say what it holds, e.g. items: {type: string}',
      ],
      ['/parameters/x', 'parameters > x is an array without items: say what it holds, e.g. items: {type: string}'],
    ],
  ],
  [
    'arrays without items in a response: a header, a schema (through a shared response)',
    v2(
      {
        '/a': {
          get: op({ responses: { '200': { description: 'ok', headers: { 'X-A': { type: 'array' } } } } }),
          post: op({ responses: { '201': { $ref: '#/responses/R' } } }),
        },
      },
      { responses: { R: { description: 'r', schema: { type: 'array' } } } },
    ),
    [
      [
        '/paths/~1a/get/responses/200/headers/X-A',
        'paths > /a > get > responses > 200 > headers > X-A is an array without items: say what it holds, e.g. items: {type: string}',
      ],
      [
        '/responses/R/schema',
        'responses > R > schema is an array without items: say what it holds, e.g. items: {type: string}',
      ],
    ],
  ],
  [
    'a list of types in a body schema and in a response schema',
    v2({
      '/a': {
        post: op({
          parameters: [{ name: 'b', in: 'body', schema: { type: ['string', 'null'] } }],
          responses: { '200': { description: 'ok', schema: { type: ['object'] } } },
        }),
      },
    }),
    [
      [
        '/paths/~1a/post/parameters/0/schema/type',
        'paths > /a > post > parameters > 0 > schema > type must be one type, one of "array", "boolean", "integer", "number", "string", "object", "null" (got ["string","null"]): Swagger 2.0 takes no list of types',
      ],
      [
        '/paths/~1a/post/responses/200/schema/type',
        'paths > /a > post > responses > 200 > schema > type must be one type, one of "array", "boolean", "integer", "number", "string", "object", "null", "file" (got ["object"]): Swagger 2.0 takes no list of types',
      ],
    ],
  ],
  [
    'a required property a definition does not define (its allOf parents count), once through a body $ref',
    v2(
      {
        '/a': {
          post: op({ parameters: [{ name: 'b', in: 'body', schema: { $ref: '#/definitions/User' } }] }),
          put: op({
            parameters: [
              {
                name: 'b',
                in: 'body',
                schema: {
                  type: 'object',
                  required: ['id', 'nmae'],
                  properties: { name: {} },
                  allOf: [{ $ref: '#/definitions/Base' }],
                },
              },
            ],
          }),
        },
      },
      {
        definitions: {
          Base: { type: 'object', properties: { id: { type: 'string' } } },
          User: { type: 'object', required: ['usrId', 'zzz'], properties: { userId: {} } },
        },
      },
    ),
    [
      [
        '/paths/~1a/put/parameters/0/schema/required/1',
        'paths > /a > put > parameters > 0 > schema > required > 1: "nmae" is required, but paths > /a > put > parameters > 0 > schema defines no such property (did you mean "name"?)',
      ],
      [
        '/definitions/User/required/0',
        'definitions > User > required > 0: "usrId" is required, but definitions > User defines no such property (did you mean "userId"?)',
      ],
      [
        '/definitions/User/required/1',
        'definitions > User > required > 1: "zzz" is required, but definitions > User defines no such property (add it under properties)',
      ],
    ],
  ],
  [
    'a file parameter in an operation that consumes no form',
    v2({
      '/a': { post: op({ consumes: ['application/json'], parameters: [{ name: 'f', in: 'FORMDATA', type: 'file' }] }) },
    }),
    [
      [
        '/paths/~1a/post/parameters/0',
        'paths > /a > post > parameters > 0: the file parameter "f" needs an operation that consumes multipart/form-data or application/x-www-form-urlencoded: add consumes: [multipart/form-data]',
      ],
    ],
  ],
];

const valid: Array<[string, Record<string, unknown>]> = [
  [
    'a file parameter with consumes on the operation or at the root',
    v2(
      {
        '/a': {
          post: op({
            consumes: ['multipart/form-data; boundary=x'],
            parameters: [{ name: 'f', in: 'formData', type: 'file' }],
          }),
          put: op({ parameters: [{ name: 'f', in: 'formData', type: 'file' }] }),
        },
      },
      { consumes: ['application/x-www-form-urlencoded'] },
    ),
  ],
  [
    'upper-case in (PATH, QUERY, HEADER, BODY), as V1 and console exports write it',
    v2({
      '/a/{id}': {
        post: op({
          parameters: [
            id({ in: 'PATH' }),
            q('q', { in: 'QUERY' }),
            q('h', { in: 'HEADER' }),
            { name: 'b', in: 'BODY', schema: { type: 'object' } },
          ],
        }),
      },
    }),
  ],
  [
    'a greedy {p+} declared as p or as p+',
    v2({ '/a/{p+}': { get: op({ parameters: [id({ name: 'p' })] }), post: op({ parameters: [id({ name: 'p+' })] }) } }),
  ],
  [
    'what swagger-parser does not read as a placeholder: {} and a brace across a slash',
    v2({ '/a/{}/{b/c}/{id}': { get: op({ parameters: [id()] }) } }),
  ],
  [
    'a Path Item parameter overridden by the operation',
    v2({ '/a/{id}': { parameters: [id()], get: op(), post: op({ parameters: [id({ type: 'integer' })] }) } }),
  ],
  [
    "console exports' response keys, which response-key reports",
    v2({
      '/a': {
        get: op({
          responses: { '200': { description: 'ok' }, 'default-cors': { description: 'x', schema: { type: 'array' } } },
        }),
      },
    }),
  ],
  [
    'x-apigateway-any-method, which swagger-parser never checked (the APIG rules do)',
    v2({
      '/a/{id}': {
        'x-apigateway-any-method': op({ operationId: 'x' }),
        get: op({ operationId: 'x', parameters: [id()] }),
      },
    }),
  ],
];

describe('the semantic checks', () => {
  it.each(cases)('%s', (_name, doc, expected) => {
    expect(checked(doc)).toEqual(expected);
  });

  it.each(valid)('valid: %s', (_name, doc) => {
    expect(checked(doc)).toEqual([]);
  });

  it('OpenAPI 3.0: only a version that is not a 3.0 release', () => {
    const doc = (openapi: string) => ({ openapi, info: { title: 't', version: '1' }, paths: {} });
    expect(specChecks(doc('3.0.4'), 'oas3', 'api.yaml')).toEqual([]);
    expect(specChecks(doc('3.0.9'), 'oas3', 'api.yaml').map((d) => [d.path, d.message])).toEqual([
      ['/openapi', 'openapi must be an OpenAPI 3.0 release, 3.0.0, 3.0.1, 3.0.2, 3.0.3, 3.0.4 (got "3.0.9")'],
    ]);
  });
});

describe("Huawei's documented examples stay valid", () => {
  const dir = new URL('../../../fixtures/huawei-docs/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s', async (file) => {
    const { doc } = parseSource(file, readFileSync(new URL(file, dir), 'utf8'));
    const found = await validateDocument(doc?.value, file);
    expect(found.filter((d) => d.code === 'swagger-schema').map((d) => `${d.path} ${d.message}`)).toEqual([]);
  });
});

describe('swagger-parser', () => {
  it('is imported only to bundle external $refs, when a file has some (load-group.ts)', () => {
    const dir = new URL('../../../src/', import.meta.url);
    const importers = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) =>
        /from '@apidevtools\/swagger-parser'|import\('@apidevtools\/swagger-parser'\)/.test(
          readFileSync(new URL(f, dir), 'utf8'),
        ),
      );
    expect(importers).toEqual(['oas/load-group.ts']);
    const loader = readFileSync(new URL('oas/load-group.ts', dir), 'utf8');
    expect(loader).not.toMatch(/^import .*swagger-parser/m);
  });
});
