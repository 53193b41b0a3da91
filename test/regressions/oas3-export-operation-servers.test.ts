/**
 * Regression: `apig export --oas 3` of a Swagger 2.0 file dropped every operation's `schemes` (its request
 * protocol), with a warning, although apig reads an OpenAPI 3.0 operation's `servers` as its protocols, as the
 * console's OpenAPI 3.0 exports write them (User Guide (online), "Importing APIs": `schemes: [https]` ↔
 * `servers: [{url: https://abc.com}]`). So an export to 3.0 and back changed which protocols an API accepts.
 * Right: each operation's `schemes` are written as its `servers` (the document's server URL with the scheme
 * changed; the basePath goes into the path keys: oas3-export-base-path.test.ts), and the document's `schemes`
 * on the operations that relied on them where they limit the protocol;
 * the 3.0 file gives every API the protocols it had, `--oas 2` writes them back as `schemes`, and nothing is
 * warned. Without a host no server URL can carry a protocol: there the warning stays, naming the APIs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prepare } from '../../src/gateway/index.js';
import { ROOT } from '../e2e/run-cli.js';
import { runInProcess } from './in-process-cli.js';

const SWAGGER = `swagger: "2.0"
info: { title: protocols, version: "1" }
host: api.example.com
basePath: /v1
schemes: [https]
paths:
  /a:
    get:
      operationId: rootHttps
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: a } }
    post:
      operationId: ownHttp
      schemes: [http]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: a } }
    put:
      operationId: ownBoth
      schemes: [http, https]
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: a } }
`;

type Ops = Record<string, Record<string, Record<string, unknown>>>;

async function protocols(file: string): Promise<Record<string, string>> {
  const p = await prepare({ path: file, cwd: ROOT, env: {}, protocolCheck: false });
  expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return Object.fromEntries((p.config?.apis ?? []).map((a) => [a.api.name, a.protocol]));
}

describe('export --oas 3 of Swagger 2.0 operation schemes', () => {
  it('writes them as operation servers: the same protocols after import, and back with --oas 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-oas3-servers-'));
    writeFileSync(join(dir, 'swagger.yaml'), SWAGGER);
    const before = await protocols(join(dir, 'swagger.yaml'));
    expect(before).toEqual({ rootHttps: 'HTTPS', ownHttp: 'HTTP', ownBoth: 'BOTH' });

    const exported = await runInProcess(['export', 'swagger.yaml', '--oas', '3', '-o', 'openapi.yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).not.toContain('warn');
    const doc = parse(readFileSync(join(dir, 'openapi.yaml'), 'utf8')) as { paths: Ops };
    expect(doc.paths['/v1/a']?.post?.servers).toEqual([{ url: 'http://api.example.com' }]);
    expect(doc.paths['/v1/a']?.put?.servers).toEqual([
      { url: 'http://api.example.com' },
      { url: 'https://api.example.com' },
    ]);
    expect(doc.paths['/v1/a']?.get?.servers).toEqual([{ url: 'https://api.example.com' }]);
    expect(Object.keys(doc.paths['/v1/a']?.post ?? {})).toEqual([
      'operationId',
      'servers',
      'responses',
      'x-apigateway-backend',
    ]);
    expect(await protocols(join(dir, 'openapi.yaml'))).toEqual(before);
    const lint = await runInProcess(['lint', 'openapi.yaml', '-f', 'json'], dir);
    expect(JSON.parse(lint.stdout).results).toEqual([]);

    const back = await runInProcess(['export', 'openapi.yaml', '--oas', '2', '-o', 'back.yaml'], dir);
    expect(back.code, back.stderr).toBe(0);
    const doc2 = parse(readFileSync(join(dir, 'back.yaml'), 'utf8')) as { paths: Ops };
    expect(doc2.paths['/v1/a']?.post?.schemes).toEqual(['http']);
    expect(doc2.paths['/v1/a']?.put?.schemes).toEqual(['http', 'https']);
    expect(doc2.paths['/v1/a']?.get?.schemes).toEqual(['https']);
    expect(await protocols(join(dir, 'back.yaml'))).toEqual(before);
  });

  it('an operation whose schemes allow both, or a document without schemes, gets no servers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-oas3-servers-'));
    writeFileSync(join(dir, 'swagger.yaml'), SWAGGER.replace('schemes: [https]\n', ''));
    const r = await runInProcess(['export', 'swagger.yaml', '--oas', '3'], dir);
    const doc = parse(r.stdout) as { paths: Ops };
    expect(doc.paths['/v1/a']?.get?.servers).toBeUndefined();
    expect(r.stderr).toBe('');
  });

  it('without a host, the protocol cannot be written: the warning names the APIs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-oas3-servers-'));
    writeFileSync(join(dir, 'swagger.yaml'), SWAGGER.replace('host: api.example.com\n', ''));
    const r = await runInProcess(['export', 'swagger.yaml', '--oas', '3'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("need the group's host, and the file has none");
    expect(r.stderr).toContain('the request protocol of 3 API(s) is not exported (rootHttps, ownBoth, ownHttp)');
  });
});
