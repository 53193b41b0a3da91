/**
 * `parameter-name` says names are unique per location, but two backend parameters of one backend with the same
 * location and name (`X-A` and `x-a` in HEADER, or `q` twice in QUERY) linted clean. The User Guide (§5.2.1,
 * "Creating an API", tables 5-11 and 5-12) compares backend HEADER names case-insensitively for duplicates, and
 * two values for one backend parameter cannot both be sent. Each backend (the default one, each policy backend)
 * is checked on its own; the same name in two locations is fine.
 */
import { describe, expect, it } from 'vitest';
import { ruleMessages } from './lint-json.js';

const doc = (params: string, policyParams = params): string => `swagger: "2.0"
info: {title: dup_group, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: {address: example.com, scheme: https, method: GET, path: /a}
        parameters: ${params}
      x-apigateway-backend-policies:
        - name: by_source
          type: HTTP
          effectMode: ANY
          conditions: [{origin: source, value: 1.2.3.4}]
          httpEndpoints: {address: example.com, scheme: https, method: GET, path: /p}
          parameters: ${policyParams}
`;

const findings = (text: string): Promise<string[]> => ruleMessages(text, 'parameter-name');

describe('backend parameter names are unique per location', () => {
  it('HEADER names differ only in case: reported in each backend', async () => {
    const params =
      '[{name: X-A, value: "1", in: HEADER, origin: CONSTANT}, {name: x-a, value: $context.sourceIp, in: HEADER, origin: SYSTEM}]';
    const message = 'backend parameter "x-a" is defined twice in HEADER';
    expect(await findings(doc(params))).toEqual([message, message]);
  });

  it('a QUERY name twice', async () => {
    const params =
      '[{name: q, value: "1", in: QUERY, origin: CONSTANT}, {name: q, value: "2", in: query, origin: CONSTANT}]';
    expect(await findings(doc(params, '[]'))).toEqual(['backend parameter "q" is defined twice in QUERY']);
  });

  it('QUERY names are case-sensitive, and one name may stand in two locations', async () => {
    const params =
      '[{name: q, value: "1", in: QUERY, origin: CONSTANT}, {name: Q, value: "2", in: QUERY, origin: CONSTANT}, {name: q, value: "3", in: HEADER, origin: CONSTANT}]';
    expect(await findings(doc(params))).toEqual([]);
  });

  it('the same name in the default backend and a policy backend is fine', async () => {
    const params = '[{name: X-A, value: "1", in: HEADER, origin: CONSTANT}]';
    expect(await findings(doc(params))).toEqual([]);
  });
});
