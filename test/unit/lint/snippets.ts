/** Building blocks for rule cases (indentation fits `op()` in harness.ts). */
import { readFileSync } from 'node:fs';

/** An HTTP backend body (8 spaces, under x-apigateway-backend). */
export const HTTP = (path = '/b', address = '"10.0.0.1:8080"', extra = ''): string =>
  `        type: HTTP\n        httpEndpoints:\n          address: ${address}\n          scheme: http\n          method: GET\n          path: ${path}\n${extra}`;

/** A FUNCTION backend body with a documented URN. */
export const FUNCTION = (
  urn = '"urn:fss:cn-north-4:abc123:function:default:fn"',
  extra = 'version: latest, invocation-type: sync',
): string => `        type: FUNCTION\n        functionEndpoints: {function-urn: ${urn}${extra ? `, ${extra}` : ''}}\n`;

/** The documented APP security schemes: signature only, and signature plus AppCode in a header. */
export const APP =
  '\nsecurityDefinitions:\n  apig-auth-app:\n    type: apiKey\n    name: Authorization\n    in: header\n    x-apigateway-auth-type: AppSigv1\n  apig-auth-app-header:\n    type: apiKey\n    name: Authorization\n    in: header\n    x-apigateway-auth-type: AppSigv1\n    x-apigateway-auth-opt: {appcode-auth-type: header}\n';

/** APP, IAM and a front-end custom authorizer `my_auth`, as one securityDefinitions block. */
export const SCHEMES = `${APP}  apig-auth-iam:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-auth-type: IAM\n  my_auth:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer: {type: FRONTEND, authorizer_type: FUNC, authorizer_uri: "urn:x", ttl: 0}\n`;

/** apig.yaml with the group lint_test (api.yaml), environments RELEASE and test, everything published to both. */
export const WS = (extra = ''): string =>
  `groups:\n  - name: lint_test\n    spec: api.yaml\nenvironments:\n  RELEASE:\n    variables: {backend: "10.0.0.1:80"}\n  test:\n    variables: {backend: "10.0.0.1:80"}\npublish:\n  RELEASE: ["*"]\n  test: ["*"]\n${extra}`;

/** A root x-apigateway-ratelimits map with one policy rl_one (body at 4 spaces). */
export const RL = (body: string): string => `\nx-apigateway-ratelimits:\n  rl_one:\n${body}`;

/** One MOCK policy backend pol_one with the given conditions (12 spaces, list items). */
export const POLICY = (cond: string, extra = ''): string =>
  `      x-apigateway-backend-policies:\n        - name: pol_one\n          type: MOCK\n          effectMode: ANY\n          conditions:\n${cond}          mockEndpoints: {result-content: p}\n${extra}`;

/** A query parameter list entry (8 spaces). */
export const QUERY = (name: string, extra = ''): string =>
  `        - {name: ${name}, in: query, type: string${extra ? `, ${extra}` : ''}}\n`;

/** A header parameter list entry (8 spaces). */
export const HEADER = (name: string, extra = ''): string =>
  `        - {name: ${name}, in: header, type: string${extra ? `, ${extra}` : ''}}\n`;

/** A required path parameter list entry (8 spaces). */
export const PATH = (name: string): string => `        - {name: "${name}", in: path, type: string, required: true}\n`;

/** A file under fixtures/ (the documented examples are in fixtures/examples/). */
export const fixture = (path: string): string =>
  readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

/** A small OpenAPI 3.0 document with one Mock API getA and the given `components` body (2 spaces). */
export const OAS3 = (components: string): string =>
  `openapi: 3.0.1\ninfo: {title: lint_test, version: "1"}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        "200": {description: ok}\n      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}\ncomponents:\n${components}`;
