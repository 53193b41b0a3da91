/**
 * Issue 15, "Importing what people have": a plain OpenAPI/Swagger file (no x-apigateway-*) imported as it is leaves
 * every API without a backend, which the gateway answers with an error. import says so (exit 0, a warning naming
 * them and the flag), and --default-backend mock|URL gives each one: a Mock answering the operation's example
 * response, or an HTTP backend at the URL.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { type InProcess, raw, startGateway, statusOf } from './serve-helpers.js';

const PLAIN = join(ROOT, 'fixtures/imports/plain-openapi.yaml');
const temp = (): string => mkdtempSync(join(tmpdir(), 'apig-default-backend-'));

let gw: InProcess | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
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
