/**
 * Regression: a backend request path with characters a path may not hold (`path: /x?static=1`) linted clean,
 * and `apig serve` then sent `/x?static=1?a=1` to the backend. The backend req_uri holds `{param}`s, the special
 * characters `* % - _ .` among others, environment variables `#name#`, and must conform to the URI syntax (API
 * Reference: Creating an API); a query belongs in the backend parameters. Right: path-syntax reports a backend path
 * with characters outside the URI path characters (a `?`, a `#` that starts no `#name#`, a space...), for HTTP,
 * VPC-channel and member-group backends and policy backends alike, as the request path's.
 */
import { describe, expect, it } from 'vitest';
import { lintFindings } from './lint-json.js';

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
  /b:
    get:
      operationId: getB
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP-VPC-MEMBER-GROUP
        httpVpcMemberGroupEndpoints:
          name: vpc_one
          memberGroupUrlInfos: [{name: group_one, scheme: http, method: GET, path: "${path}"}]
`;

interface Finding {
  code: string;
  message: string;
  path: string;
}

const findings = async (path: string): Promise<Finding[]> =>
  (await lintFindings<Finding>(doc(path))).filter((x) => x.code === 'path-syntax');

describe('backend path characters', () => {
  it('a query in the backend path is reported, in every kind of backend', async () => {
    const found = await findings('/x?static=1');
    expect(found.map((x) => x.message)).toEqual(
      Array(3).fill(
        'backend path "/x?static=1" has characters outside the URI path characters: "?" ' +
          '(a query belongs in the backend parameters; API Reference: Creating an API)',
      ),
    );
  });

  it('a space and a # that starts no variable', async () => {
    const [first] = await findings('/a b/c#d');
    expect(first?.message).toContain(
      'backend path "/a b/c#d" has characters outside the URI path characters: " ", "#"',
    );
  });

  it('the documented forms are clean: {param}, * % - _ ., #variables#, other URI characters', async () => {
    expect(await findings('/a*b/%20/x-y_z.json')).toEqual([]);
    expect(await findings('/#path##request#/users')).toEqual([]);
    expect(await findings("/a~b/c!d/$e&f/'g'/(h)/i+j/k,l;m=n:o@p")).toEqual([]);
  });
});
