/**
 * A backend retry count outside -1…10 (`retryCount: 11`, `"-2"`, `abc`) linted clean, although the console
 * refuses it: retryCount is "-1" to "10", default "-1" (Extension Definitions:
 * x-apigateway-backend.httpVpcMemberGroupEndpoints; API Reference: Creating an API, retry_count). It is
 * checked wherever it is written: httpEndpoints, httpVpcEndpoints and httpVpcMemberGroupEndpoints.
 */
import { describe, expect, it } from 'vitest';
import { ruleMessages } from './lint-json.js';

const doc = (retry: string): string => `swagger: "2.0"
info: {title: retry_group, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: {address: example.com, scheme: https, method: GET, path: /a, retryCount: ${retry}}
  /b:
    get:
      operationId: getB
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP-VPC
        httpVpcEndpoints: {name: vpc_one, scheme: https, method: GET, path: /b, retryCount: ${retry}}
  /c:
    get:
      operationId: getC
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP-VPC-MEMBER-GROUP
        httpVpcMemberGroupEndpoints:
          name: VPC_6ZZ0
          retryCount: ${retry}
          memberGroupUrlInfos: [{name: group_a, scheme: http, method: GET, path: /c}]
`;

const findings = (retry: string): Promise<string[]> => ruleMessages(doc(retry), 'backend-timeout');

describe('backend retry count', () => {
  it.each(["'-1'", '-1', '0', "'10'", '10'])('retryCount %s is allowed', async (retry) => {
    expect(await findings(retry)).toEqual([]);
  });

  it.each([
    ['11', '11'],
    ["'-2'", '-2'],
    ['abc', 'abc'],
    ["'1.5'", '1.5'],
  ])('retryCount %s is refused in each endpoint', async (retry, shown) => {
    const message = `retryCount "${shown}" must be a whole number from -1 to 10`;
    expect(await findings(retry)).toEqual([message, message, message]);
  });
});
