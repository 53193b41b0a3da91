/**
 * path-parameters --fix: an `x-apigateway-any-method` operation (which Swagger tools do not check) gets
 * `required: true` on its path parameters and a declaration for each `{name}` of its path; so does an OpenAPI 3.0
 * operation, with `schema: {type: string}`.
 */
import { testFix } from './fix-harness.js';

const ANY = `swagger: "2.0"
info: {title: shop_api, version: "1"}
paths:
  /any/{id}/{part}:
    x-apigateway-any-method:
      operationId: anyPart
      parameters:
        - {name: id, in: path, type: string, required: false}
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`;

const OAS3 = `openapi: 3.0.1
info: {title: shop_api, version: "1"}
paths:
  /users/{id}:
    get:
      operationId: getUser
      responses:
        "200": {description: ok}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`;

testFix('path-parameters', [
  {
    name: 'an any-method operation: required: true, and the {part} it does not declare',
    before: ANY,
    after: `swagger: "2.0"
info: {title: shop_api, version: "1"}
paths:
  /any/{id}/{part}:
    x-apigateway-any-method:
      operationId: anyPart
      parameters:
        - {name: id, in: path, type: string, required: true}
        - name: part
          in: path
          required: true
          type: string
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`,
    descriptions: ['declare the path parameter part', 'set required: true'],
  },
  {
    name: 'OpenAPI 3.0: the parameter has a schema',
    before: OAS3,
    after: `${OAS3}      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
`,
  },
  {
    name: 'a {name} of the basePath is not declared on the operation',
    before: `swagger: "2.0"
info: {title: shop_api, version: "1"}
basePath: /t/{tenant}
paths:
  /a:
    x-apigateway-any-method:
      operationId: anyA
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`,
    after: `swagger: "2.0"
info: {title: shop_api, version: "1"}
basePath: /t/{tenant}
paths:
  /a:
    x-apigateway-any-method:
      operationId: anyA
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`,
    remaining: ['path parameter {tenant} has no definition'],
  },
]);
