/**
 * canonical-spelling --fix: each documented variant is written in its canonical spelling where it stands (comments,
 * quotes and the rest of the file stay), and lint then finds no more of them. The decoders read both spellings the
 * same (oas/codec.ts), so nothing the gateway does changes: fix-keeps-model.test.ts checks that on real exports.
 */
import { testFix } from './fix-harness.js';

const EXPORT = `swagger: "2.0"
info: {title: shop_api, version: "1"}
paths:
  /users/{id}:
    get:
      operationId: getUser
      schemes: [HTTPS, http]          # V1 export spelling
      parameters:
        - {name: id, in: PATH, type: string, required: true}
        - name: lang
          in: Query                   # upper case
          type: string
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        httpEndpoints:
          address: ["10.1.2.3:8080"]  # one element
          scheme: HTTPS
          method: GET
          path: /users/{id}
          timeout: "5000"             # a string
        parameters:
          - {name: id, value: id, in: PATH, origin: REQUEST}
      x-apigateway-backend-policies:
        - name: policy_en
          type: MOCK
          effectMode: ANY
          conditions:
            - type: equal             # the extension page's spelling
              origin: request
              parameter_name: lang    # HTML/EN/OTC key
              value: en
          mockEndpoints: {result-content: hello}
`;

const EXTENSIONS = `swagger: "2.0"
info: {title: shop_api, version: "1"}
securityDefinitions:
  app_code:
    type: apiKey
    name: X-Apig-AppCode
    in: header
    x-apigateway-auth-type: AppSigv1
    x-apigateway-auth-opt: {appcode-auth-type: HEADER}
  my_auth:
    type: apiKey
    name: unused
    in: header
    x-apigateway-authorizer: {type: FRONTEND, authorizer_type: FUNC, authorizer_uri: "urn:fss:cn-north-4:abc:function:default:auth", ttl: "60"}
parameters:
  traceId: {name: X-Trace-Id, in: HEADER, type: string}
paths:
  /orders/{q}:
    parameters:
      - {name: "q+", in: path, type: string, required: true}
    post:
      operationId: postOrder
      schemes: [https]
      security: [{app_code: []}]
      parameters:
        - $ref: '#/parameters/traceId'
      responses: {"200": {description: ok}}
      x-apigateway-ratelimit: rl_basic
      x-apigateway-backend:
        type: FUNCTION
        functionEndpoints:
          function-urn: "urn:fss:cn-north-4:0123456789abcdef:function:default:orders"
          version: latest
          invocation-type: synchronous   # HW example
          timeout: 30000
x-apigateway-ratelimits:
  rl_basic:
    api-limit: "100"      # numbers as strings
    interval: 1
    unit: second
x-apigateway-responses:
  default:
    THROTTLED: {status: "429"}
`;

const NOT_FIXABLE = `swagger: "2.0"
info: {title: shop_api, version: "1"}
paths:
  /e/{q}:
    get:
      operationId: getE
      parameters:
        - {name: "q+", in: path, type: string, required: true}
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: MOCK
        mockEndpoints: {result-content: ok}
        parameters:
          - {name: q, value: "q+", in: QUERY, origin: REQUEST}
      x-apigateway-backend-policies:
        - name: policy_both
          type: MOCK
          effectMode: ANY
          conditions:
            - {type: exact, origin: param, parameter: q, parameter_name: q, value: en}
          mockEndpoints: {result-content: hello}
`;

const JSON_FILE = `{
  "swagger": "2.0",
  "info": {"title": "shop_api", "version": "1"},
  "paths": {
    "/a": {
      "get": {
        "operationId": "getA",
        "parameters": [{"name": "lang", "in": "QUERY", "type": "string"}],
        "responses": {"200": {"description": "ok"}},
        "x-apigateway-backend": {"type": "HTTP", "httpEndpoints": {"address": "10.1.2.3", "scheme": "HTTP", "method": "GET", "path": "/a"}}
      }
    }
  }
}
`;

testFix('canonical-spelling', [
  {
    name: 'an operation as V1 exports and the extension pages write it',
    before: EXPORT,
    after: `swagger: "2.0"
info: {title: shop_api, version: "1"}
paths:
  /users/{id}:
    get:
      operationId: getUser
      schemes: [https, http]          # V1 export spelling
      parameters:
        - {name: id, in: path, type: string, required: true}
        - name: lang
          in: query                   # upper case
          type: string
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        httpEndpoints:
          address: 10.1.2.3:8080  # one element
          scheme: https
          method: GET
          path: /users/{id}
          timeout: 5000             # a string
        parameters:
          - {name: id, value: id, in: PATH, origin: REQUEST}
      x-apigateway-backend-policies:
        - name: policy_en
          type: MOCK
          effectMode: ANY
          conditions:
            - type: exact             # the extension page's spelling
              origin: param
              parameter: lang    # HTML/EN/OTC key
              value: en
          mockEndpoints: {result-content: hello}
`,
    descriptions: [
      'write the address as a string',
      'write "https"',
      'write the number 5000',
      'write "exact"',
      'write "param"',
      'rename the key to "parameter"',
      'write "path"',
      'write "query"',
      'write "https"',
    ],
  },
  {
    name: 'policies, schemes, shared parameters and a q+ for a {q} that is not greedy',
    before: EXTENSIONS,
    after: `swagger: "2.0"
info: {title: shop_api, version: "1"}
securityDefinitions:
  app_code:
    type: apiKey
    name: X-Apig-AppCode
    in: header
    x-apigateway-auth-type: AppSigv1
    x-apigateway-auth-opt: {appcode-auth-type: header}
  my_auth:
    type: apiKey
    name: unused
    in: header
    x-apigateway-authorizer: {type: FRONTEND, authorizer_type: FUNC, authorizer_uri: "urn:fss:cn-north-4:abc:function:default:auth", ttl: 60}
parameters:
  traceId: {name: X-Trace-Id, in: header, type: string}
paths:
  /orders/{q}:
    parameters:
      - {name: "q", in: path, type: string, required: true}
    post:
      operationId: postOrder
      schemes: [https]
      security: [{app_code: []}]
      parameters:
        - $ref: '#/parameters/traceId'
      responses: {"200": {description: ok}}
      x-apigateway-ratelimit: rl_basic
      x-apigateway-backend:
        type: FUNCTION
        functionEndpoints:
          function-urn: "urn:fss:cn-north-4:0123456789abcdef:function:default:orders"
          version: latest
          invocation-type: sync   # HW example
          timeout: 30000
x-apigateway-ratelimits:
  rl_basic:
    api-limit: 100      # numbers as strings
    interval: 1
    unit: SECOND
x-apigateway-responses:
  default:
    THROTTLED: {status: 429}
`,
    remaining: [],
  },
  {
    name: 'no fix where the author must choose: both parameter and parameter_name; a q+ a backend parameter names',
    before: NOT_FIXABLE,
    after: NOT_FIXABLE,
    remaining: ['key "parameter_name" is a variant of "parameter"', 'path parameter "q+" is written for "q"'],
  },
  {
    name: 'a JSON file stays JSON, in its indentation',
    file: 'api.json',
    before: JSON_FILE,
    after: `{
  "swagger": "2.0",
  "info": {
    "title": "shop_api",
    "version": "1"
  },
  "paths": {
    "/a": {
      "get": {
        "operationId": "getA",
        "parameters": [
          {
            "name": "lang",
            "in": "query",
            "type": "string"
          }
        ],
        "responses": {
          "200": {
            "description": "ok"
          }
        },
        "x-apigateway-backend": {
          "type": "HTTP",
          "httpEndpoints": {
            "address": "10.1.2.3",
            "scheme": "http",
            "method": "GET",
            "path": "/a"
          }
        }
      }
    }
  }
}
`,
  },
]);
