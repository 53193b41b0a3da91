/**
 * A greedy request path parameter may be declared as `p` or as `p+` (docs/rules/path-parameters.md; the import
 * restrictions' `/users/{proxy+}`). Declared as `p+`, lint said the backend path's `{p+}` was "not mapped",
 * that a backend parameter mapping front-end parameter `p` named one the API does not define, and that a policy
 * condition on parameter `p` tested no request parameter, although the same API declared as `p` linted clean:
 * the name a PATH parameter binds is `p` either way.
 */
import { describe, expect, it } from 'vitest';
import { lintFindings } from './lint-json.js';

const doc = (declared: string, backend: string): string => `swagger: "2.0"
info: {title: greedy_group, version: "1"}
paths:
  /a/{p+}:
    get:
      operationId: greedy
      parameters:
        - {name: "${declared}", in: path, required: true, type: string}
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
${backend}
`;

const PASS_THROUGH = '        httpEndpoints: {address: example.com, scheme: https, method: GET, path: "/b/{p+}"}';
const MAPPED = `        httpEndpoints: {address: example.com, scheme: https, method: GET, path: "/b/{q+}"}
        parameters:
          - {name: q, value: p, in: PATH, origin: REQUEST}`;

const findings = async (text: string): Promise<string[]> =>
  (await lintFindings(text)).map((x) => `${x.code}: ${x.message}`);

describe('a greedy path parameter declared as p+ reaches the backend', () => {
  it.each(['p', 'p+'])('declared as %s, passed through to the backend path {p+}', async (declared) => {
    expect(await findings(doc(declared, PASS_THROUGH))).toEqual([]);
  });

  it.each(['p', 'p+'])('declared as %s, mapped to another backend path parameter', async (declared) => {
    expect(await findings(doc(declared, MAPPED))).toEqual([]);
  });

  it.each(['p', 'p+'])('declared as %s, tested by a policy condition', async (declared) => {
    const policy = `${PASS_THROUGH}
      x-apigateway-backend-policies:
        - name: by_path
          type: HTTP
          effectMode: ANY
          conditions: [{origin: param, parameter: p, type: pattern, value: "^v2/"}]
          httpEndpoints: {address: example.com, scheme: https, method: GET, path: "/v2/{p+}"}`;
    expect(await findings(doc(declared, policy))).toEqual([]);
  });

  it('a backend path parameter nobody maps is still reported', async () => {
    const found = await findings(doc('p+', PASS_THROUGH.replace('{p+}', '{r+}')));
    expect(found).toEqual([
      'backend-parameters: backend path parameter {r} is not mapped: add a backend parameter with in: PATH and name: r',
    ]);
  });
});
