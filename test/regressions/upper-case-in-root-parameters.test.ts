/**
 * Regression (issue 14, Swagger-schema validation without swagger-parser): the upper-case `in` that V1 and console
 * exports write (`QUERY`, `HEADER`, `PATH`, `FORMDATA`) was accepted in an operation's or a Path Item's parameter
 * list but refused in the document's own `parameters:` (and OpenAPI 3.0 `components.parameters`), with four
 * messages from the kinds of parameter the user did not mean ("parameters > p must not have property 'type'",
 * "in must be one of "body" (got undefined)"...). Right: a documented variant is one wherever the parameter is
 * defined; the parameter loads with its location.
 */
import { describe, expect, it } from 'vitest';
import { loadGroupText } from '../../src/oas/load-group.js';

const SWAGGER = `swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      parameters: [{$ref: "#/parameters/q"}]
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
parameters:
  q: {name: q, in: QUERY, type: string}
`;

const OPENAPI = `openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      parameters: [{$ref: "#/components/parameters/q"}]
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
components:
  parameters:
    q: {name: q, in: QUERY, schema: {type: string}}
`;

describe('upper-case in in the root parameter definitions', () => {
  it.each([
    ['Swagger 2.0 parameters', SWAGGER],
    ['OpenAPI 3.0 components.parameters', OPENAPI],
  ])('%s', async (_name, text) => {
    const r = await loadGroupText('api.yaml', text);
    expect(r.diagnostics.map((d) => `${d.code} ${d.path} ${d.message}`)).toEqual([]);
    expect(r.group?.apis[0]?.params.map((p) => [p.name, p.location])).toEqual([['q', 'QUERY']]);
  });
});
