/**
 * cors-preflight --fix: the OPTIONS API a CORS path lacks, as the User Guide describes it (§5.2.2): same path,
 * same protocol, CORS on, no authentication, a Mock backend; one per path, with a name no other API has.
 * fix-cors-preflight-serve in test/e2e/lint-fix.test.ts sends a browser's preflight to it.
 */
import { testFix } from './fix-harness.js';

const SHOP = `swagger: "2.0"
info: {title: shop_api, version: "1"}
security: [{apig-auth-app: []}]   # every API signs
securityDefinitions:
  apig-auth-app: {type: apiKey, name: Authorization, in: header, x-apigateway-auth-type: AppSigv1}
paths:
  /orders/{orderId}:
    # the order API
    put:
      operationId: putOrder
      schemes: [https]
      parameters:
        - {name: orderId, in: path, type: number, required: true}
        - {name: X-Trace, in: header, type: string, required: true}
      responses: {"200": {description: ok}}
      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
    delete:
      operationId: deleteOrder
      responses: {"200": {description: ok}}
      parameters:
        - {name: orderId, in: path, type: number, required: true}
      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /files:
    post:
      operationId: preflight_files
      x-apigateway-match-mode: SWA
      parameters:
        - {name: X-Trace, in: header, type: string}
      responses: {"200": {description: ok}}
      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /health:
    get:
      operationId: health
      security: []
      responses: {"200": {description: ok}}
      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`;

const OAS3 = `openapi: 3.0.1
info: {title: shop_api, version: "1"}
paths:
  /users/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
    patch:
      operationId: patchUser
      responses:
        "200": {description: ok}
      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /admin:
    delete:
      operationId: deleteAdmin
      responses:
        "200": {description: ok}
      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
    options:
      operationId: adminOptions
      responses:
        "200": {description: ok}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`;

const PUBLISHED = `swagger: "2.0"
info: {title: shop_api, version: "1"}
paths:
  /orders:
    put:
      operationId: putOrders
      responses: {"200": {description: ok}}
      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
    options:
      operationId: preflight_orders
      responses: {"200": {description: ok}}
      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ""}}
`;

const WORKSPACE = `# the shop
groups:
  - {name: shop_api, spec: api.yaml}
environments:
  test: {variables: {}}
publish:
  RELEASE: ["*"]
  test: [putOrders]   # what QA calls
`;

testFix('cors-preflight', [
  {
    name: 'apig.yaml: the OPTIONS API is published where the API it answers for is',
    file: 'apig.yaml',
    before: WORKSPACE,
    files: { 'api.yaml': PUBLISHED },
    after: WORKSPACE.replace('test: [putOrders]', 'test: [putOrders, preflight_orders]'),
    descriptions: ['publish preflight_orders in test'],
  },
  {
    name: 'one OPTIONS API per path: no authentication, the API protocol, its path parameters, its prefix match',
    before: SHOP,
    after: SHOP.replace(
      `      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /files:`,
      `      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
    options:
      operationId: preflight_orders_orderId
      security: []
      schemes:
        - https
      parameters:
        - name: orderId
          in: path
          required: true
          type: string
      responses:
        "200":
          description: CORS preflight
      x-apigateway-cors: true
      x-apigateway-backend:
        type: MOCK
        mockEndpoints:
          result-content: ""
  /files:`,
    ).replace(
      `      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /health:`,
      `      x-apigateway-cors: true
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
    options:
      operationId: preflight_files_2
      security: []
      responses:
        "200":
          description: CORS preflight
      x-apigateway-cors: true
      x-apigateway-match-mode: SWA
      x-apigateway-backend:
        type: MOCK
        mockEndpoints:
          result-content: ""
  /health:`,
    ),
    descriptions: [
      'add the OPTIONS API preflight_orders_orderId on /orders/{orderId}',
      'add the OPTIONS API preflight_orders_orderId on /orders/{orderId}',
      'add the OPTIONS API preflight_files_2 on /files',
    ],
  },
  {
    name: 'OpenAPI 3.0, path parameters of the Path Item; not where an options operation is there already',
    before: OAS3,
    after: OAS3.replace(
      `      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
  /admin:`,
      `      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
    options:
      operationId: preflight_users_id
      responses:
        "200":
          description: CORS preflight
      x-apigateway-cors: true
      x-apigateway-backend:
        type: MOCK
        mockEndpoints:
          result-content: ""
  /admin:`,
    ),
    remaining: ['no OPTIONS API with CORS on covers /admin'],
  },
]);
