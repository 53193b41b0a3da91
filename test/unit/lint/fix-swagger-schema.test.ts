/**
 * swagger-schema --fix: a path parameter without `required: true` gets it where it is defined; a `{name}` of the
 * path that no parameter declares is declared as `apig add api` declares it. A misspelt parameter is left to the
 * author.
 */
import { testFix } from './fix-harness.js';

const REQUIRED = `swagger: "2.0"
info: {title: shop_api, version: "1"}
parameters:
  orderId: {name: orderId, in: path, type: string}   # shared, without required
paths:
  /users/{id}:
    get:
      operationId: getUser
      parameters:
        - {name: id, in: path, type: string}   # required left out
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
    delete:
      operationId: deleteUser
      parameters:
        - name: id
          in: path
          type: string
          required: false      # as a console export may write it
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /orders/{orderId}:
    get:
      operationId: getOrder
      parameters:
        - $ref: '#/parameters/orderId'
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`;

const UNDECLARED = `swagger: "2.0"
info: {title: shop_api, version: "1"}
paths:
  /users/{id}/orders/{orderId}:
    get:
      operationId: getOrder
      responses: {"200": {description: ok}}   # no parameters at all
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
    put:
      operationId: putOrder
      parameters:
        - {name: X-Trace, in: header, type: string}
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /files/{name}:
    get:
      operationId: getFile
      parameters:
        - {name: Name, in: path, type: string, required: true}   # misspelt: not fixed
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`;

testFix('swagger-schema', [
  {
    name: 'required: true on a path parameter, a shared one where it is defined',
    before: REQUIRED,
    after: REQUIRED.replace(
      '{name: orderId, in: path, type: string}',
      '{name: orderId, in: path, type: string, required: true}',
    )
      .replace('{name: id, in: path, type: string}', '{name: id, in: path, type: string, required: true}')
      .replace('required: false      #', 'required: true      #'),
    descriptions: ['set required: true', 'set required: true', 'set required: true'],
  },
  {
    name: 'the path parameters an operation does not declare; not a misspelt one',
    before: UNDECLARED,
    after: `swagger: "2.0"
info: {title: shop_api, version: "1"}
paths:
  /users/{id}/orders/{orderId}:
    get:
      operationId: getOrder
      responses: {"200": {description: ok}}   # no parameters at all
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
      parameters:
        - name: id
          in: path
          required: true
          type: string
        - name: orderId
          in: path
          required: true
          type: string
    put:
      operationId: putOrder
      parameters:
        - {name: X-Trace, in: header, type: string}
        - name: id
          in: path
          required: true
          type: string
        - name: orderId
          in: path
          required: true
          type: string
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /files/{name}:
    get:
      operationId: getFile
      parameters:
        - {name: Name, in: path, type: string, required: true}   # misspelt: not fixed
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`,
    descriptions: [
      'declare the path parameters id, orderId (in: path, required: true, type: string)',
      'declare the path parameters id, orderId',
    ],
    remaining: ['declares no path parameter for {name}', 'the path parameter "Name" has no {Name} in the path'],
  },
]);
