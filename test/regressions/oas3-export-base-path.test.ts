/**
 * Regression: `apig export --oas 3` of a Swagger 2.0 file with `basePath: /v1` folded the basePath into the
 * server URLs (`servers: [{url: https://api.example.com/v1}]`) and left the path keys as they were (`/a`). An
 * OpenAPI 3.0 import reads no path from a server URL (User Guide (online), "Restrictions and Compatibility" of
 * importing APIs: `host` / `servers.url` are not used on import, `basePath` is merged with each path), so the
 * 3.0 file served `/a` where the 2.0 file served `/v1/a`: a different API. `--check` did not show it, since it
 * converted back through the server URL. The mirror image: `--oas 2` of an OpenAPI 3.0 file whose server URL
 * has a path (`https://x.com/v1`, serving `/a`) wrote it as `basePath: /v1`, so the 2.0 file served `/v1/a`.
 * Right: `--oas 3` merges the basePath into each path key, as the import merges it, and the server URLs name
 * the host only; `--oas 2` writes no basePath from a server URL (and `--check` says the URL's path is not
 * written). Either way the exported file, imported, serves the same request paths.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prepare } from '../../src/gateway/index.js';
import { ROOT } from '../e2e/run-cli.js';
import { call, startGateway } from '../e2e/serve-helpers.js';
import { runInProcess } from './in-process-cli.js';

const SWAGGER = `swagger: "2.0"
info: { title: based, version: "1" }
host: api.example.com
basePath: /v1
schemes: [https]
paths:
  /a:
    get:
      operationId: getA
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: a } }
    post:
      operationId: postA
      schemes: [http]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: posted } }
  /:
    get:
      operationId: getRoot
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: root } }
`;

const OPENAPI = `openapi: 3.0.3
info: { title: served, version: "1" }
servers:
  - url: https://x.com/v1
paths:
  /a:
    get:
      operationId: getA
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: a } }
`;

/** Each API's request path as the gateway serves it, by name. */
async function requestPaths(file: string): Promise<Record<string, string>> {
  const p = await prepare({ path: file, cwd: ROOT, env: {}, protocolCheck: false });
  expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return Object.fromEntries((p.config?.apis ?? []).map((a) => [a.api.name, `${a.protocol} ${a.path}`]));
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'apig-oas3-base-path-'));
}

describe('export --oas 3 and basePath', () => {
  it('merges the basePath into each path: the 3.0 file serves the same request paths', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'swagger.yaml'), SWAGGER);
    const before = await requestPaths(join(dir, 'swagger.yaml'));
    expect(before).toEqual({ getA: 'HTTPS /v1/a', postA: 'HTTP /v1/a', getRoot: 'HTTPS /v1/' });

    const exported = await runInProcess(['export', 'swagger.yaml', '--oas', '3', '-o', 'openapi.yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const doc = parse(readFileSync(join(dir, 'openapi.yaml'), 'utf8')) as Record<string, unknown>;
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(paths)).toEqual(['/v1/a', '/v1/']);
    expect(doc.servers).toEqual([{ url: 'https://api.example.com' }]);
    expect(paths['/v1/a']?.post?.servers).toEqual([{ url: 'http://api.example.com' }]);
    expect(await requestPaths(join(dir, 'openapi.yaml'))).toEqual(before);

    const gw = await startGateway(join(dir, 'openapi.yaml'));
    try {
      expect((await call(`${gw.url}/v1/a`)).text).toBe('a');
      expect((await call(`${gw.url}/a`)).status).toBe(404);
    } finally {
      await gw.close();
    }

    // Back to 2.0: the paths keep the basePath, and the file serves the same again.
    const back = await runInProcess(['export', 'openapi.yaml', '--oas', '2', '-o', 'back.yaml'], dir);
    expect(back.code, back.stderr).toBe(0);
    const doc2 = parse(readFileSync(join(dir, 'back.yaml'), 'utf8')) as Record<string, unknown>;
    expect(doc2.basePath).toBeUndefined();
    expect(doc2.host).toBe('api.example.com');
    expect(await requestPaths(join(dir, 'back.yaml'))).toEqual(before);
  });

  it('--check: the merged basePath is no loss', async () => {
    const dir = tempDir();
    // The document's `schemes` are written on each operation as its servers: no loss either
    // (oas3-check-document-schemes.test.ts).
    writeFileSync(join(dir, 'swagger.yaml'), SWAGGER);
    const r = await runInProcess(['export', 'swagger.yaml', '--oas', '3', '--check'], dir);
    expect(r.stdout.trim()).toBe('swagger.yaml: nothing is lost by this export (scope extended)');
    expect(r.code).toBe(0);
  });

  it('--oas 2 of an OpenAPI 3.0 file writes no basePath from its server URL', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'openapi.yaml'), OPENAPI);
    const before = await requestPaths(join(dir, 'openapi.yaml'));
    expect(before).toEqual({ getA: 'BOTH /a' });
    const r = await runInProcess(['export', 'openapi.yaml', '--oas', '2', '-o', 'swagger.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(readFileSync(join(dir, 'swagger.yaml'), 'utf8')) as Record<string, unknown>;
    expect(doc.host).toBe('x.com');
    expect(doc.basePath).toBeUndefined();
    expect(await requestPaths(join(dir, 'swagger.yaml'))).toEqual(before);

    const check = await runInProcess(['export', 'openapi.yaml', '--oas', '2', '--check'], dir);
    expect(check.stdout).toContain('openapi.yaml#/servers/0/url  changed: "https://x.com/v1" -> "https://x.com"');
    expect(check.code).toBe(1);
  });
});
