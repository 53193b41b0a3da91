/**
 * A backend request path longer than 512 characters linted clean (only member-group paths were checked),
 * although the console refuses it: the backend req_uri is at most 512 characters (API Reference: Creating an
 * API; Extension Definitions: x-apigateway-backend.httpVpcMemberGroupEndpoints.memberGroupUrlInfos). The limit
 * holds for HTTP and VPC-channel backends and policy backends alike.
 */
import { describe, expect, it } from 'vitest';
import { ruleMessages } from './lint-json.js';

const doc = (path: string): string => `swagger: "2.0"
info: {title: path_group, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: {address: example.com, scheme: https, method: GET, path: "${path}"}
      x-apigateway-backend-policies:
        - name: by_source
          type: HTTP-VPC
          effectMode: ANY
          conditions: [{origin: source, value: 1.2.3.4}]
          httpVpcEndpoints: {name: vpc_one, scheme: https, method: GET, path: "${path}"}
`;

const findings = (path: string): Promise<string[]> => ruleMessages(doc(path), 'path-syntax');

describe('backend path length', () => {
  it('512 characters are allowed', async () => {
    expect(await findings(`/${'a'.repeat(511)}`)).toEqual([]);
  });

  it('513 characters are refused, for the default and the policy backend', async () => {
    const message = 'backend path is 513 characters long; at most 512 are allowed (API Reference: Creating an API)';
    expect(await findings(`/${'a'.repeat(512)}`)).toEqual([message, message]);
  });
});
