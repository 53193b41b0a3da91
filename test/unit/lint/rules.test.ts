/** Every rule: a passing and a failing case, asserting the rule id and the position (table-driven). */
import { describe, expect, it } from 'vitest';
import { ALL_RULE_IDS } from '../../../src/lint/registry.js';
import { RECOMMENDED } from '../../../src/lint/presets.js';
import { lintText, op, positionOf, spec, type LintCase } from './harness.js';

interface RuleCase {
  rule: string;
  pass: LintCase;
  fail: LintCase;
  /** Text where the finding's range starts, in `file` (default api.yaml). */
  at: string;
  file?: string;
  message: string;
}

const HTTP = (path = '/b', address = '"10.0.0.1:8080"', extra = '') => `        type: HTTP\n        httpEndpoints:\n          address: ${address}\n          scheme: http\n          method: GET\n          path: ${path}\n${extra}`;
const APP = '\nsecurityDefinitions:\n  apig-auth-app:\n    type: apiKey\n    name: Authorization\n    in: header\n    x-apigateway-auth-type: AppSigv1\n  apig-auth-app-header:\n    type: apiKey\n    name: Authorization\n    in: header\n    x-apigateway-auth-type: AppSigv1\n    x-apigateway-auth-opt: {appcode-auth-type: header}\n';
const WS = (extra = '') => `groups:\n  - name: lint_test\n    spec: api.yaml\nenvironments:\n  RELEASE:\n    variables: {backend: "10.0.0.1:80"}\n  test:\n    variables: {backend: "10.0.0.1:80"}\npublish:\n  RELEASE: ["*"]\n  test: ["*"]\n${extra}`;
const RL = (body: string) => `\nx-apigateway-ratelimits:\n  rl_one:\n${body}`;
const POLICY = (cond: string, extra = '') => `      x-apigateway-backend-policies:\n        - name: pol_one\n          type: MOCK\n          effectMode: ANY\n          conditions:\n${cond}          mockEndpoints: {result-content: p}\n${extra}`;

const CASES: RuleCase[] = [
  { rule: 'extension-schema', pass: { spec: spec(op({ extra: '      x-apigateway-match-mode: SWA\n' })) }, fail: { spec: spec(op({ extra: '      x-apigateway-match-mode: PREFIX\n' })) }, at: 'PREFIX', message: 'must be one of "SWA", "NORMAL"' },
  { rule: 'unknown-extension', pass: { spec: spec(op({ extra: '      x-apigateway-cors: true\n' })) }, fail: { spec: spec(op({ extra: '      x-apigateway-crs: true\n' })) }, at: 'true', message: 'did you mean x-apigateway-cors?' },
  { rule: 'misplaced-extension', pass: { spec: spec(op()) }, fail: { spec: spec(op(), 'x-apigateway-cors: true\n') }, at: 'true\n', message: 'belongs on operation' },
  { rule: 'swagger-schema', pass: { spec: spec(op({ params: '        - {name: q, in: query, type: string}\n' })) }, fail: { spec: spec(op({ params: '        - {name: q, in: query, type: string, bogus: 1}\n' })) }, at: '{name: q', message: "must not have property 'bogus'" },
  { rule: 'ref-resolution', pass: { spec: spec(op({ params: '        - $ref: "#/parameters/q"\n' }), 'parameters:\n  q: {name: q, in: query, type: string}\n') }, fail: { spec: spec(op({ params: '        - $ref: "#/parameters/nope"\n' })) }, at: '"#/parameters/nope"', message: 'does not resolve' },
  { rule: 'response-key', pass: { spec: spec(op()) }, fail: { spec: spec(op({ extra: '' }).replace('"200": {description: ok}', '"200": {description: ok}\n        default-cors: {description: cors}')) }, at: '{description: cors}', message: 'default-cors' },
  { rule: 'lint-disable', pass: { spec: spec(op({ extra: '      x-apig-lint-disable: [{rule: cors-preflight, reason: "no browser clients"}]\n' })) }, fail: { spec: spec(op({ extra: '      x-apig-lint-disable: [{rule: cors-preflight}]\n' })) }, at: '{rule: cors-preflight}', message: 'needs a reason' },
  { rule: 'api-name', pass: { spec: spec(op({ id: 'getUsers_v1' })) }, fail: { spec: spec(op({ id: '"_bad name"' })) }, at: '"_bad name"', message: 'must be 3–255 characters' },
  { rule: 'operation-id', pass: { spec: spec(op()) }, fail: { spec: spec(op().replace('      operationId: getA\n', '')) }, at: 'responses:', message: 'no operationId' },
  { rule: 'group-name', pass: { spec: spec(op()) }, fail: { spec: spec(op()).replace('title: lint_test', 'title: "1 bad"') }, at: '"1 bad"', message: 'cannot name a new group' },
  { rule: 'policy-name', pass: { spec: spec(op({ extra: '      x-apigateway-ratelimit: rl_one\n' }), RL('    api-limit: 10\n    interval: 1\n    unit: SECOND\n')) }, fail: { spec: spec(op({ extra: '      x-apigateway-ratelimit: r\n' }), '\nx-apigateway-ratelimits:\n  r:\n    api-limit: 10\n    interval: 1\n    unit: SECOND\n') }, at: 'api-limit: 10', message: 'must be 3–64 characters' },
  { rule: 'parameter-name', pass: { spec: spec(op({ params: '        - {name: page, in: query, type: string}\n' })) }, fail: { spec: spec(op({ params: '        - {name: 9page, in: query, type: string}\n' })) }, at: '9page', message: 'must be 1–32 characters' },
  { rule: 'gateway-response', pass: { spec: spec(op(), 'x-apigateway-responses:\n  default:\n    THROTTLED: {status: 429}\n') }, fail: { spec: spec(op(), 'x-apigateway-responses:\n  default:\n    THROTTLE: {status: 429}\n') }, at: '{status: 429}', message: '"THROTTLE" is not a gateway response type' },
  { rule: 'path-syntax', pass: { spec: spec(op({ path: '/a/{id}', params: '        - {name: id, in: path, type: string, required: true}\n' })) }, fail: { spec: spec(op({ path: '/a{id}', params: '        - {name: id, in: path, type: string, required: true}\n' })) }, at: 'get:', message: 'must be a whole segment' },
  // swagger-parser already checks ordinary operations; x-apigateway-any-method is APIG's own and only apig checks it.
  { rule: 'path-parameters', pass: { spec: spec(op({ path: '/a/{id}', method: 'x-apigateway-any-method', params: '        - {name: id, in: path, type: string, required: true}\n' })) }, fail: { spec: spec(op({ path: '/a/{id}', method: 'x-apigateway-any-method', params: '        - {name: other, in: path, type: string, required: true}\n' })) }, at: 'other', message: 'does not appear in the path' },
  { rule: 'route-conflict', pass: { spec: spec(op({ path: '/a/{x}', id: 'one', params: '        - {name: x, in: path, type: string, required: true}\n' }) + op({ path: '/a/{y}', id: 'two', method: 'post', params: '        - {name: y, in: path, type: string, required: true}\n' })) }, fail: { spec: spec(op({ path: '/a/{x}', id: 'one', params: '        - {name: x, in: path, type: string, required: true}\n' }) + op({ path: '/a/{y}', id: 'two', params: '        - {name: y, in: path, type: string, required: true}\n' })) }, at: 'operationId: two', message: 'matches the same requests as' },
  { rule: 'cors-preflight', pass: { spec: spec(op({ method: 'put', extra: '      x-apigateway-cors: true\n' }) + op({ path: '/', method: 'options', id: 'preflight', extra: '      x-apigateway-cors: true\n' })) }, fail: { spec: spec(op({ method: 'put', extra: '      x-apigateway-cors: true\n' })) }, at: 'true', message: 'no OPTIONS API' },
  { rule: 'reserved-name', pass: { spec: spec(op({ params: '        - {name: Authorization, in: header, type: string}\n', extra: '      security: [{apig-auth-app: []}]\n' }), APP) }, fail: { spec: spec(op({ params: '        - {name: X-Stage, in: header, type: string}\n' })) }, at: 'X-Stage', message: 'x-stage selects the environment' },
  { rule: 'parameter-definition', pass: { spec: spec(op({ params: '        - {name: n, in: query, type: integer, default: 5, minimum: 1, maximum: 9}\n' })) }, fail: { spec: spec(op({ params: '        - {name: n, in: query, type: integer, required: true, default: 5}\n' })) }, at: '5}', message: 'default is never used' },
  { rule: 'security', pass: { spec: spec(op({ extra: '      schemes: [https]\n      security: [{apig-auth-app-header: []}]\n' }), APP) }, fail: { spec: spec(op({ extra: '      security: [{apig-auth-app-header: []}]\n' }), APP) }, at: '[{apig-auth-app-header', message: 'only over HTTPS' },
  { rule: 'authorizer', pass: { spec: spec(op(), '\nsecurityDefinitions:\n  my_auth:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer: {type: FRONTEND, authorizer_type: FUNC, authorizer_uri: "urn:x", ttl: 60, identities: [{name: token, location: HEADER}]}\n') }, fail: { spec: spec(op(), '\nsecurityDefinitions:\n  my_auth:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer: {type: FRONTEND, authorizer_type: FUNC, authorizer_uri: "urn:x", ttl: 60}\n') }, at: '{type: FRONTEND', message: 'needs identity sources' },
  { rule: 'backend-required', pass: { spec: spec(op()) }, fail: { spec: spec(op().replace(/      x-apigateway-backend:\n[\s\S]*$/, '')) }, at: 'operationId', message: 'has no x-apigateway-backend' },
  { rule: 'backend-address', pass: { spec: spec(op({ backend: HTTP() })) }, fail: { spec: spec(op({ backend: HTTP('/b', '"10.0.0.1:70000"') })) }, at: '"10.0.0.1:70000"', message: 'outside 1–65535' },
  { rule: 'backend-timeout', pass: { spec: spec(op({ backend: HTTP('/b', '"10.0.0.1:80"', '          timeout: 60000\n') })) }, fail: { spec: spec(op({ backend: HTTP('/b', '"10.0.0.1:80"', '          timeout: 60001\n') })) }, at: '60001', message: 'above the maximum of 60000 ms' },
  { rule: 'backend-variables', pass: { spec: spec(op({ backend: HTTP('/b', '"#backend#"') })), workspace: WS() }, fail: { spec: spec(op({ backend: HTTP('/b', '"#Backend#"') })), workspace: WS() }, at: '"#Backend#"', message: 'not defined in environments RELEASE, test' },
  { rule: 'backend-parameters', pass: { spec: spec(op({ params: '        - {name: q, in: query, type: string}\n', backend: `        parameters:\n          - {name: q2, value: q, in: QUERY, origin: REQUEST}\n${HTTP()}` })) }, fail: { spec: spec(op({ params: '        - {name: q, in: query, type: string}\n', backend: `        parameters:\n          - {name: q2, value: nope, in: QUERY, origin: REQUEST}\n${HTTP()}` })) }, at: 'nope', message: 'does not define' },
  { rule: 'function-backend', pass: { spec: spec(op({ backend: '        type: FUNCTION\n        functionEndpoints: {function-urn: "urn:fss:cn-north-4:abc123:function:default:fn", version: latest, invocation-type: sync}\n' })) }, fail: { spec: spec(op({ backend: '        type: FUNCTION\n        functionEndpoints: {function-urn: "my function", version: latest, invocation-type: sync}\n' })) }, at: '"my function"', message: 'is not of the form' },
  { rule: 'mock-backend', pass: { spec: spec(op()) }, fail: { spec: spec(op({ backend: `        type: MOCK\n        mockEndpoints:\n          result-content: "${'x'.repeat(20481)}"\n` })) }, at: '"xxxx', message: 'keep it within 20480' },
  { rule: 'policy-backends', pass: { spec: spec(op({ extra: POLICY('            - {origin: source, value: 10.0.0.0/8}\n') })) }, fail: { spec: spec(op({ extra: POLICY('            - {origin: source, value: 10.0.0.0/8}\n').replace('          effectMode: ANY\n', '') })) }, at: 'name: pol_one', message: 'has no effectMode' },
  { rule: 'policy-conditions', pass: { spec: spec(op({ extra: POLICY('            - {origin: source, value: 10.0.0.0/8}\n') })) }, fail: { spec: spec(op({ extra: POLICY('            - {origin: source, value: 10.0.0.0/33}\n') })) }, at: '10.0.0.0/33', message: 'prefix is at most /32' },
  { rule: 'throttle-policy', pass: { spec: spec(op({ extra: '      x-apigateway-ratelimit: rl_one\n' }), RL('    api-limit: 10\n    user-limit: 5\n    app-limit: 5\n    interval: 1\n    unit: SECOND\n')) }, fail: { spec: spec(op({ extra: '      x-apigateway-ratelimit: rl_one\n' }), RL('    api-limit: 10\n    user-limit: 5\n    app-limit: 7\n    interval: 1\n    unit: SECOND\n')) }, at: '7\n', message: 'app-limit 7 is above user-limit 5' },
  { rule: 'acl-policy', pass: { spec: spec(op({ extra: '      x-apigateway-access-control: acl_one\n' }), '\nx-apigateway-access-controls:\n  acl_one: {acl-type: DENY, entity-type: IP, value: "1.2.3.4,10.0.0.0/8,2001:db8::/32,fe80::1-fe80::ff"}\n') }, fail: { spec: spec(op({ extra: '      x-apigateway-access-control: acl_one\n' }), '\nx-apigateway-access-controls:\n  acl_one: {acl-type: DENY, entity-type: IP, value: "1.2.3.400"}\n') }, at: '"1.2.3.400"', message: 'is not an IP address' },
  { rule: 'policy-reference', pass: { spec: spec(op({ extra: '      x-apigateway-ratelimit: rl_one\n' }), RL('    api-limit: 10\n    interval: 1\n    unit: SECOND\n')) }, fail: { spec: spec(op({ extra: '      x-apigateway-ratelimit: rl_two\n' }), RL('    api-limit: 10\n    interval: 1\n    unit: SECOND\n')) }, at: 'rl_two', message: 'is not defined' },
  { rule: 'unused-policy', pass: { spec: spec(op({ extra: '      x-apigateway-ratelimit: rl_one\n' }), RL('    api-limit: 10\n    interval: 1\n    unit: SECOND\n')) }, fail: { spec: spec(op(), RL('    api-limit: 10\n    interval: 1\n    unit: SECOND\n')) }, at: 'api-limit: 10', message: 'not used by any API' },
  { rule: 'quotas', pass: { spec: spec(op({ params: '        - {name: p, in: query, type: string}\n' })), quotas: { parametersPerApi: 1 } }, fail: { spec: spec(op({ params: '        - {name: p, in: query, type: string}\n        - {name: r, in: query, type: string}\n' })), quotas: { parametersPerApi: 1 } }, at: '- {name: p', message: '2 parameters on getA; the quota is 1' },
  { rule: 'workspace-references', pass: { spec: spec(op()), workspace: WS() }, fail: { spec: spec(op()), workspace: WS().replace('test: ["*"]', 'test: ["getB"]') }, file: 'apig.yaml', at: '"getB"', message: 'no API is named "getB"' },
  { rule: 'serve-config', pass: { spec: spec(op({ backend: '        type: FUNCTION\n        functionEndpoints: {function-urn: "urn:fss:cn-north-4:abc123:function:default:fn", version: latest, invocation-type: sync}\n' })), workspace: WS('functions:\n  "urn:fss:cn-north-4:abc123:function:default:fn": ./fn.mjs\n') }, fail: { spec: spec(op({ backend: '        type: FUNCTION\n        functionEndpoints: {function-urn: "urn:fss:cn-north-4:abc123:function:default:fn", version: latest, invocation-type: sync}\n' })), workspace: WS() }, at: '"urn:fss', message: 'no local module' },
  { rule: 'canonical-spelling', pass: { spec: spec(op({ backend: HTTP() })) }, fail: { spec: spec(op({ backend: HTTP().replace('scheme: http', 'scheme: HTTP') })) }, at: 'HTTP\n          method', message: 'scheme "HTTP" is written for "http"' },
];

describe('lint rules', () => {
  it('every rule has a case and a recommended severity', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(ALL_RULE_IDS));
    expect(new Set(Object.keys(RECOMMENDED))).toEqual(new Set(ALL_RULE_IDS));
  });

  it.each(CASES)('$rule', async (c) => {
    const passed = await lintText(c.pass);
    expect(passed.findings.filter((f) => f.code === c.rule)).toEqual([]);
    const failed = await lintText(c.fail);
    const hits = failed.findings.filter((f) => f.code === c.rule);
    expect(hits.length, JSON.stringify(failed.findings.map((f) => [f.code, f.message]))).toBeGreaterThan(0);
    const file = c.file ?? 'api.yaml';
    const hit = hits.find((h) => h.message.includes(c.message));
    expect(hit, hits.map((h) => h.message).join('\n')).toBeDefined();
    expect(hit?.source).toBe(file);
    expect(hit?.range?.start).toEqual(positionOf(failed.files[file] ?? '', c.at));
  });
});
