/**
 * The Swagger 2.0 / OpenAPI 3.0 schema's messages for the commonest slips (issue 14): each names the place, the
 * value given and what is allowed, once (no message from the kinds of parameter the user did not mean), and points
 * at the exact node: an unknown property at that property, a missing one at the object that lacks it.
 */
import { describe, expect, it } from 'vitest';
import { loadGroupText } from '../../../src/oas/load-group.js';
import { validateDocument } from '../../../src/oas/validate.js';

const INFO = { title: 't', version: '1' };
const v2 = (paths: Record<string, unknown>, root: Record<string, unknown> = {}) => ({
  swagger: '2.0',
  info: INFO,
  paths,
  ...root,
});
const v3 = (paths: Record<string, unknown>, root: Record<string, unknown> = {}) => ({
  openapi: '3.0.1',
  info: INFO,
  paths,
  ...root,
});
const op = (fields: Record<string, unknown> = {}) => ({ responses: { '200': { description: 'ok' } }, ...fields });
const get = (fields: Record<string, unknown>, path = '/a') => ({ [path]: { get: op(fields) } });
const param = (p: Record<string, unknown>, path = '/a') => get({ parameters: [p] }, path);

/** A Swagger 2.0 document around `paths`, unless it is a document already. */
const full = (doc: Record<string, unknown>): Record<string, unknown> =>
  'swagger' in doc || 'openapi' in doc ? doc : v2(doc);

/** The swagger-schema findings, as pointer and message. */
async function schemaFindings(doc: unknown): Promise<Array<[string, string]>> {
  return (await validateDocument(doc, 'api.yaml'))
    .filter((d) => d.code === 'swagger-schema')
    .map((d) => [d.path, d.message]);
}

const P0 = '/paths/~1a/get/parameters/0';
const AT0 = 'paths > /a > get > parameters > 0';

const cases: Array<[string, Record<string, unknown>, Array<[string, string]>]> = [
  [
    'a path parameter without required: true',
    param({ name: 'id', in: 'path', type: 'string' }, '/a/{id}'),
    [
      [
        '/paths/~1a~1{id}/get/parameters/0',
        'paths > /a/{id} > get > parameters > 0: the path parameter "id" needs required: true (a path parameter is always required)',
      ],
    ],
  ],
  [
    'a path parameter with required: false (upper-case PATH, as exports write it)',
    param({ name: 'id', in: 'PATH', type: 'string', required: false }, '/a/{id}'),
    [
      [
        '/paths/~1a~1{id}/get/parameters/0/required',
        'paths > /a/{id} > get > parameters > 0: the path parameter "id" needs required: true, not false (a path parameter is always required)',
      ],
    ],
  ],
  [
    'required: "true", a string',
    param({ name: 'q', in: 'query', type: 'string', required: 'true' }),
    [[`${P0}/required`, `${AT0} > required must be true without quotes (got the string "true")`]],
  ],
  [
    'in: cookie (Swagger 2.0 has none), the value as written',
    param({ name: 'c', in: 'Cookie', type: 'string' }),
    [[`${P0}/in`, `${AT0} > in must be one of "query", "header", "path", "formData", "body" (got "Cookie")`]],
  ],
  [
    'in: qurey',
    param({ name: 'c', in: 'qurey', type: 'string' }),
    [
      [
        `${P0}/in`,
        `${AT0} > in must be one of "query", "header", "path", "formData", "body" (got "qurey"; did you mean "query"?)`,
      ],
    ],
  ],
  [
    'type: strng',
    param({ name: 'c', in: 'query', type: 'strng' }),
    [
      [
        `${P0}/type`,
        `${AT0} > type must be one of "string", "number", "boolean", "integer", "array" (got "strng"; did you mean "string"?)`,
      ],
    ],
  ],
  [
    'type: int',
    param({ name: 'c', in: 'header', type: 'int' }),
    [
      [
        `${P0}/type`,
        `${AT0} > type must be one of "string", "number", "boolean", "integer", "array" (got "int"; did you mean "integer"?)`,
      ],
    ],
  ],
  [
    'an operation without responses',
    { '/a': { get: {} } },
    [
      [
        '/paths/~1a/get',
        'paths > /a > get has no responses: add at least one, e.g. responses: {"200": {description: OK}}',
      ],
    ],
  ],
  [
    'a parameter without a name',
    param({ in: 'query', type: 'string' }),
    [[P0, `${AT0} has no name: every parameter needs a name and an in (query, header, path, formData or body)`]],
  ],
  [
    'a parameter without in',
    param({ name: 'q', type: 'string' }),
    [[P0, `${AT0} has no in: say where the parameter is, one of query, header, path, formData or body`]],
  ],
  [
    'a query parameter without a type',
    param({ name: 'q', in: 'query' }),
    [[P0, `${AT0} has no type: a query parameter needs one of string, number, integer, boolean, array`]],
  ],
  [
    'an unknown property in an operation, pointed at',
    get({ summry: 'x' }),
    [
      [
        '/paths/~1a/get/summry',
        'paths > /a > get has an unknown property "summry" (did you mean "summary"?); allowed: tags, summary, ' +
          'description, externalDocs, operationId, produces, consumes, parameters, responses, schemes, deprecated, ' +
          'security and x- extensions',
      ],
    ],
  ],
  [
    'schemes: [htps], at the root as written and in an operation',
    v2(get({ schemes: ['htps'] }), { schemes: ['HTPS'] }),
    [
      ['/schemes/0', 'schemes > 0 must be one of "http", "https", "ws", "wss" (got "HTPS"; did you mean "https"?)'],
      [
        '/paths/~1a/get/schemes/0',
        'paths > /a > get > schemes > 0 must be one of "http", "https", "ws", "wss" (got "htps"; did you mean "https"?)',
      ],
    ],
  ],
  [
    'enum on a body parameter, pointed at',
    param({ name: 'b', in: 'body', schema: { type: 'string' }, enum: ['a'] }),
    [[`${P0}/enum`, `${AT0} has "enum", which a body parameter does not take: put it in its schema`]],
  ],
  [
    'type on a body parameter',
    param({ name: 'b', in: 'body', type: 'object', schema: {} }),
    [[`${P0}/type`, `${AT0} has "type", which a body parameter does not take: put it in its schema`]],
  ],
  [
    'a body parameter without a schema',
    param({ name: 'b', in: 'body' }),
    [[P0, `${AT0} has no schema: a body parameter describes its payload with one, e.g. schema: {type: object}`]],
  ],
  [
    'a schema on a query parameter',
    param({ name: 'q', in: 'query', type: 'string', schema: { type: 'string' } }),
    [
      [
        `${P0}/schema`,
        `${AT0} has a schema, which only a body parameter takes: give a query parameter its type directly (type: string...)`,
      ],
    ],
  ],
  [
    'an unknown property in a query parameter',
    param({ name: 'q', in: 'query', type: 'string', requird: true }),
    [
      [
        `${P0}/requird`,
        `${AT0} has an unknown property "requird" (did you mean "required"?); allowed: required, in, description, ` +
          'name, allowEmptyValue, type, format, items, collectionFormat, default, maximum, exclusiveMaximum, minimum, ' +
          'exclusiveMinimum, maxLength, minLength, pattern, maxItems, minItems, uniqueItems, enum, multipleOf and x- extensions',
      ],
    ],
  ],
  [
    'info.version written as a number',
    { swagger: '2.0', info: { title: 't', version: 1 }, paths: {} },
    [['/info/version', 'info > version must be a string, not the number 1: write it in quotes (version: "...")']],
  ],
  [
    'a response without description',
    get({ responses: { '200': {} } }),
    [
      [
        '/paths/~1a/get/responses/200',
        'paths > /a > get > responses > 200 has no description: every response needs one, e.g. description: OK',
      ],
    ],
  ],
  [
    'no response at all',
    get({ responses: {} }),
    [
      [
        '/paths/~1a/get/responses',
        'paths > /a > get > responses holds no response: add at least one, e.g. "200": {description: OK}',
      ],
    ],
  ],
  [
    'a path without its slash',
    v2({ a: {} }),
    [['/paths/a', 'paths has "a", which is neither a path (starting with /) nor an x- extension']],
  ],
  [
    'a key beside $ref',
    v2(get({ parameters: [{ $ref: '#/parameters/p', description: 'x' }] }), {
      parameters: { p: { name: 'p', in: 'query', type: 'string' } },
    }),
    [[`${P0}/description`, `${AT0} has "description" beside $ref: a reference holds $ref alone`]],
  ],
  [
    'a host with a scheme and a path',
    v2({}, { host: 'https://example.com/v1' }),
    [
      [
        '/host',
        'host must be a host name or IP address with an optional port, without scheme or path (got "https://example.com/v1")',
      ],
    ],
  ],
  [
    'basepath for basePath',
    v2({}, { basepath: '/v1' }),
    [
      [
        '/basepath',
        'the document has an unknown property "basepath" (did you mean "basePath"?); allowed: swagger, info, host, ' +
          'basePath, schemes, consumes, produces, paths, definitions, parameters, responses, security, ' +
          'securityDefinitions, tags, externalDocs and x- extensions',
      ],
    ],
  ],
  [
    'a security scheme of type apikey',
    v2({}, { securityDefinitions: { a: { type: 'apikey', name: 'x', in: 'header' } } }),
    [
      [
        '/securityDefinitions/a/type',
        'securityDefinitions > a > type must be one of "apiKey", "basic", "oauth2" (got "apikey"; did you mean "apiKey"?)',
      ],
    ],
  ],
  [
    'OpenAPI 3.0: in: bogus',
    v3(param({ name: 'c', in: 'bogus', schema: { type: 'string' } })),
    [[`${P0}/in`, `${AT0} > in must be one of "path", "query", "header", "cookie" (got "bogus")`]],
  ],
  [
    'OpenAPI 3.0: a path parameter without required: true',
    v3(param({ name: 'id', in: 'path', schema: { type: 'string' } }, '/a/{id}')),
    [
      [
        '/paths/~1a~1{id}/get/parameters/0',
        'paths > /a/{id} > get > parameters > 0: the path parameter "id" needs required: true (a path parameter is always required)',
      ],
    ],
  ],
  [
    'OpenAPI 3.0: type: strng in a schema',
    v3(param({ name: 'c', in: 'query', schema: { type: 'strng' } })),
    [
      [
        `${P0}/schema/type`,
        `${AT0} > schema > type must be one of "array", "boolean", "integer", "number", "object", "string" (got "strng"; did you mean "string"?)`,
      ],
    ],
  ],
  [
    'OpenAPI 3.0: a parameter with neither schema nor content',
    v3(param({ name: 'c', in: 'query' })),
    [[P0, `${AT0} has neither a schema nor a content: add one, e.g. schema: {type: string}`]],
  ],
  [
    'OpenAPI 3.0: an operation without responses',
    v3({ '/a': { get: {} } }),
    [
      [
        '/paths/~1a/get',
        'paths > /a > get has no responses: add at least one, e.g. responses: {"200": {description: OK}}',
      ],
    ],
  ],
];

describe('Swagger-schema messages for the commonest slips', () => {
  it.each(cases)('%s', async (_name, doc, expected) => {
    expect(await schemaFindings(full(doc))).toEqual(expected);
  });

  it("the documented variants are not slips: upper-case in and schemes, a greedy path, console exports' response keys", async () => {
    const doc = v2(
      {
        '/a/{p+}': {
          get: op({
            schemes: ['HTTPS'],
            parameters: [
              { name: 'p', in: 'PATH', type: 'string', required: true },
              { name: 'q', in: 'QUERY', type: 'string' },
              { name: 'h', in: 'HEADER', type: 'string' },
            ],
            responses: { '200': { description: 'ok' }, 'default-cors': { description: 'cors' } },
          }),
        },
      },
      { schemes: ['HTTP', 'HTTPS'], parameters: { f: { name: 'f', in: 'FORMDATA', type: 'string' } } },
    );
    expect(await schemaFindings(doc)).toEqual([]);
  });

  it('file:line:col of an unknown property is its line; of a missing one, the object that lacks it', async () => {
    const text =
      'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /a/{id}:\n    get:\n      summry: x\n' +
      '      parameters:\n        - name: id\n          in: path\n          type: string\n' +
      '      responses: {"200": {description: ok}}\n';
    const found = (await loadGroupText('api.yaml', text)).diagnostics.map((d) => [
      d.path,
      (d.range?.start.line ?? -1) + 1,
    ]);
    expect(found).toEqual([
      ['/paths/~1a~1{id}/get/summry', 6],
      ['/paths/~1a~1{id}/get/parameters/0', 8],
    ]);
  });
});
