/**
 * Issue 15, "Importing what people have": a plain OpenAPI/Swagger file (no x-apigateway-*) imported as it is leaves
 * every API without a backend, which the gateway answers with an error. import says so (exit 0, a warning naming
 * them and the flag), and --default-backend mock|from-file|URL gives each one: a Mock answering the operation's
 * example response, or an HTTP backend at the URL, or at the URL the file names (its servers or host).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { type Backend, call, type InProcess, raw, startBackend, startGateway, statusOf } from './serve-helpers.js';

const PLAIN = join(ROOT, 'fixtures/imports/plain-openapi.yaml');
const temp = (): string => mkdtempSync(join(tmpdir(), 'apig-default-backend-'));

let gw: InProcess | undefined;
let backend: Backend | undefined;
afterEach(async () => {
  await gw?.close();
  await backend?.close();
  gw = undefined;
  backend = undefined;
});

describe('apig import of a file without backends', () => {
  it('without --default-backend: imported, with a warning that names the APIs and the flag', async () => {
    const dir = temp();
    const r = await runCli(['import', PLAIN], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: 2 API(s) have no backend');
    expect(r.stderr).toContain('listPets, getPet');
    expect(r.stderr).toContain('--default-backend mock');
  });

  it('--default-backend mock: each API answers its example response when served', async () => {
    const dir = temp();
    const r = await runCli(['import', PLAIN, '--default-backend', 'mock'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('warning');
    expect(r.stdout).toContain('2 API(s) got the --default-backend mock: listPets, getPet');
    expect((await runCli(['lint', '--quiet'], { cwd: dir })).code).toBe(0);
    gw = await startGateway(join(dir, 'apig.yaml'));
    const res = await raw(gw.port, 'GET /pets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(statusOf(res)).toBe(200);
    expect(res.endsWith('[{"id":1,"name":"rex"}]')).toBe(true);
  });

  it('--default-backend URL: an HTTP backend at that address, its path before the API path', async () => {
    const dir = temp();
    const r = await runCli(['import', PLAIN, '--default-backend', 'http://127.0.0.1:9000/v1'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const group = readFileSync(join(dir, 'plain_api.yaml'), 'utf8');
    expect(group).toContain('type: HTTP');
    expect(group).toContain('127.0.0.1:9000');
    expect(group).toContain('path: /v1/pets/{id}');
  });

  it.each([['ftp://x'], ['nothing'], ['http://h:1/p?q=1']])('--default-backend %s is refused (exit 2)', async (v) => {
    const dir = temp();
    const r = await runCli(['import', PLAIN, '--default-backend', v], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--default-backend');
  });
});

/** A plain OpenAPI file whose first server (with variables) is a backend listening on `port`. */
const withServers = (port: number | string): string => `openapi: 3.0.1
info: {title: pets_api, version: "1"}
servers:
  - url: "http://{host}:{port}/{base}"
    variables:
      host: {default: 127.0.0.1}
      port: {default: "${port}"}
      base: {default: v1, enum: [v1, v2]}
  - url: https://pets.example.com
paths:
  /pets:
    get: {operationId: listPets, responses: {"200": {description: ok}}}
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
`;

const SWAGGER = readFileSync(join(ROOT, 'fixtures/imports/plain-swagger.yaml'), 'utf8');

/** Writes `text` as `name` in a new folder; returns the folder. */
function folderWith(name: string, text: string): string {
  const dir = temp();
  writeFileSync(join(dir, name), text);
  return dir;
}

describe('apig import --default-backend from-file', () => {
  it("OpenAPI: HTTP backends at the first server's URL, its variables by their defaults; served", async () => {
    backend = await startBackend('pets');
    const dir = folderWith('pets.yaml', withServers(backend.port));
    const r = await runCli(['import', 'pets.yaml', '-w', 'ws', '--default-backend', 'from-file'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      `2 API(s) got the --default-backend from-file (http://127.0.0.1:${backend.port}/v1): listPets, getPet`,
    );
    gw = await startGateway(join(dir, 'ws', 'apig.yaml'));
    const res = await call(`${gw.url}/pets/7`);
    expect(res.status, res.text).toBe(200);
    expect(backend.seen.map((q) => `${q.method} ${q.url}`)).toEqual(['GET /v1/pets/7']);
  });

  it('Swagger 2.0: schemes[0]://host + basePath', async () => {
    const dir = folderWith('shop.yaml', SWAGGER);
    const r = await runCli(['import', 'shop.yaml', '-w', 'ws', '--default-backend', 'from-file'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 API(s) got the --default-backend from-file (http://shop.example.com:8080/api)');
    const group = readFileSync(join(dir, 'ws', 'shop_api.yaml'), 'utf8');
    expect(group).toContain('address: shop.example.com:8080');
    expect(group).toContain('scheme: http\n');
    expect(group).toContain('path: /api/orders');
  });

  it('without the flag, the warning offers from-file with the URL the file names', async () => {
    const dir = folderWith('shop.yaml', SWAGGER);
    const r = await runCli(['import', 'shop.yaml', '-w', 'ws'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'give them one with --default-backend mock, --default-backend from-file ' +
        "(http://shop.example.com:8080/api, the file's host) or --default-backend URL",
    );
    const plain = await runCli(['import', PLAIN, '-w', 'ws2'], { cwd: dir });
    expect(plain.stderr).not.toContain('from-file');
  });

  it.each([
    [
      'a relative server URL',
      'openapi: 3.0.1\ninfo: {title: rel, version: "1"}\nservers:\n  - url: /v1\npaths: {}\n',
      'api.yaml:4:10: servers[0].url "/v1" is relative',
    ],
    [
      'a variable without a default',
      withServers(1).replace('      port: {default: "1"}\n', ''),
      'api.yaml:4:10: servers[0].url "http://{host}:{port}/{base}" uses {port}, which has no default',
    ],
    ['no servers', 'openapi: 3.0.1\ninfo: {title: none, version: "1"}\npaths: {}\n', 'api.yaml has no servers'],
    ['no host', 'swagger: "2.0"\ninfo: {title: none, version: "1"}\npaths: {}\n', 'api.yaml has no host'],
  ])('refuses %s (exit 2, the file and place named, nothing written)', async (_what, text, message) => {
    const dir = folderWith('api.yaml', text);
    const r = await runCli(['import', 'api.yaml', '-w', 'ws', '--default-backend', 'from-file'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--default-backend from-file: ${message}`);
    expect(existsSync(join(dir, 'ws'))).toBe(false);
  });
});
