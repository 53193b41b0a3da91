/**
 * In an OpenAPI 3.0 file an operation's `servers` are its request protocol, as the console's own OpenAPI 3.0
 * import examples write it (User Guide (online), "Importing APIs": `servers: [{url: https://abc.com}]` where the
 * Swagger 2.0 version has `schemes: [https]`), and as `apig export --oas 2` converts it. apig read them as
 * nothing: every OpenAPI 3.0 API accepted HTTP and HTTPS, so lint warned (`appcode-https`) on an AppCode API
 * whose servers are HTTPS only, and `apig serve` with the protocol check answered such an API over HTTP. The
 * servers now give the protocol (on the operation, else its Path Item), and export writes the file as it was.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../e2e/run-cli.js';
import { call, type InProcess, startGateway } from '../e2e/serve-helpers.js';

const doc = (servers: string): string => `openapi: 3.0.1
info: {title: servers_group, version: "1"}
servers:
  - url: http://abc.com
  - url: https://abc.com
paths:
  /a:
    get:
      operationId: getA
      security: [{apig-auth-app-header: []}]
      servers: ${servers}
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: hi}}
components:
  securitySchemes:
    apig-auth-app-header:
      type: apiKey
      name: Authorization
      in: header
      x-apigateway-auth-opt: {appcode-auth-type: header}
      x-apigateway-auth-type: AppSigv1
`;

const file = (text: string): string => {
  const f = join(mkdtempSync(join(tmpdir(), 'apig-servers-')), 'api.yaml');
  writeFileSync(f, text);
  return f;
};

const codes = async (f: string): Promise<string[]> => {
  const r = await runCli(['lint', f, '-f', 'json']);
  return (JSON.parse(r.stdout) as { results: Array<{ code: string }> }).results.map((x) => x.code);
};

let gw: InProcess | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

describe("an OpenAPI 3.0 operation's servers are its request protocol", () => {
  it('HTTPS servers: AppCode simple authentication raises no warning', async () => {
    expect(await codes(file(doc('[{url: "https://abc.com"}]')))).toEqual([]);
  });

  it('HTTP and HTTPS servers: the warning stays', async () => {
    expect(await codes(file(doc('[{url: "http://abc.com"}, {url: "https://abc.com"}]')))).toEqual(['appcode-https']);
  });

  it('export writes the servers back and adds no schemes', async () => {
    const text = doc('[{url: "https://abc.com"}]');
    const r = await runCli(['export', file(text)]);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(r.stdout)).toEqual(parse(text));
    // The protocol is exported (in the servers): no warning that it is lost.
    const again = await runCli(['export', file(text), '--oas', '3']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
    expect(parse(again.stdout)).toEqual(parse(text));
  });

  it('apig serve with the protocol check refuses HTTP for an HTTPS-only operation', async () => {
    const text = doc('[{url: "https://abc.com"}]').replace('security: [{apig-auth-app-header: []}]', 'security: []');
    gw = await startGateway(file(text), undefined, { protocolCheck: true });
    const reply = await call(`${gw.url}/a`);
    expect(reply.status).toBe(400);
    expect(reply.json().error_code).toBe('APIG.0607');
  });
});
