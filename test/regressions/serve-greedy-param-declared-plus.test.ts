/**
 * Regression: a greedy request path parameter may be declared as `p` or as `p+` (the frontend path `/a/{p+}`;
 * the import restrictions' `/users/{proxy+}`): either way it binds `p`. Declared as `p+` and mapped by a REQUEST
 * backend parameter (`value: p`) into a backend path `/c/{q+}`, `apig serve` did not find the front-end parameter
 * the mapping names, so the backend received the literal `/c/{q+}`; a policy-backend condition on parameter `p`
 * likewise never held. Right: the mapping and the condition find the parameter by the name it binds, as lint does
 * (core/defaults.ts pathParamName), so the backend receives `/c/x/y` and the condition selects its policy.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startBackend, startGateway, type Backend, type InProcess } from '../e2e/serve-helpers.js';

const doc = (declared: string, address: string): string => `swagger: "2.0"
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
        httpEndpoints: {address: "${address}", scheme: http, method: GET, path: "/c/{q+}"}
        parameters:
          - {name: q, value: p, in: PATH, origin: REQUEST}
      x-apigateway-backend-policies:
        - name: by_path
          type: HTTP
          effectMode: ANY
          conditions: [{origin: param, parameter: p, type: pattern, value: "v2/.*"}]
          httpEndpoints: {address: "${address}", scheme: http, method: GET, path: "/v2/{q+}"}
          parameters:
            - {name: q, value: p, in: PATH, origin: REQUEST}
`;

let echo: Backend;
const gateways = new Map<string, InProcess>();
beforeAll(async () => {
  echo = await startBackend();
  for (const declared of ['p', 'p+']) {
    const f = join(mkdtempSync(join(tmpdir(), 'apig-greedy-serve-')), 'api.yaml');
    writeFileSync(f, doc(declared, echo.address));
    gateways.set(declared, await startGateway(f));
  }
});
afterAll(async () => {
  await Promise.all([...gateways.values()].map((g) => g.close()));
  await echo.close();
});

const urlSeen = async (declared: string, path: string): Promise<string> => {
  const r = await call(`${(gateways.get(declared) as InProcess).url}${path}`);
  expect(r.status).toBe(200);
  return r.json<{ url: string }>().url;
};

describe('a greedy path parameter declared as p or p+, mapped to backend path {q+}', () => {
  it.each(['p', 'p+'])('declared as %s: the backend receives the filled path', async (declared) => {
    expect(await urlSeen(declared, '/a/x/y')).toBe('/c/x/y');
  });

  it.each(['p', 'p+'])('declared as %s: a policy condition on parameter p selects its backend', async (declared) => {
    expect(await urlSeen(declared, '/a/v2/z')).toBe('/v2/v2/z');
  });
});
