/**
 * Regression (issue 15): an edit inside a YAML anchor changed every place that aliases it: with getB's backend
 * written as `*be`, `apig edit api getA --backend-timeout 8000` changed getB's timeout too, silently; and
 * `apig remove api getA` removed the anchor and left `*be` dangling (exit 3, "internal error: the change does
 * not read back"). Now the aliases of an anchor an edit reaches are written out as copies first: getB keeps
 * its data, and only the API the command names changes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../e2e/run-cli.js';

const SPEC = `swagger: "2.0"
info: { title: shop, version: "1.0" }
paths:
  /a:
    get:
      operationId: getA
      responses: { "200": { description: ok } }
      x-apigateway-backend: &be
        type: HTTP
        httpEndpoints: { address: "10.0.0.1:80", scheme: http, method: GET, path: /a, timeout: 5000 }
  /b:
    get:
      operationId: getB
      responses: { "200": { description: ok } }
      x-apigateway-backend: *be
`;

type Spec = { paths: Record<string, { get: { 'x-apigateway-backend'?: { httpEndpoints: { timeout: number } } } }> };

function file(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-anchor-'));
  writeFileSync(join(dir, 'shop.yaml'), SPEC);
  return dir;
}

const data = (dir: string): Spec => parse(readFileSync(join(dir, 'shop.yaml'), 'utf8')) as Spec;

describe('an anchor shared by two operations', () => {
  it('editing the anchored one leaves the aliasing one as it was', async () => {
    const dir = file();
    const r = await runCli(['edit', 'api', 'getA', '-w', 'shop.yaml', '--backend-timeout', '8000', '--yes'], {
      cwd: dir,
    });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(data(dir).paths['/a']?.get['x-apigateway-backend']?.httpEndpoints.timeout).toBe(8000);
    expect(data(dir).paths['/b']?.get['x-apigateway-backend']?.httpEndpoints.timeout).toBe(5000);
  });

  it('editing the aliasing one changes only it', async () => {
    const dir = file();
    expect(
      (await runCli(['edit', 'api', 'getB', '-w', 'shop.yaml', '--backend-timeout', '7000', '--yes'], { cwd: dir }))
        .code,
    ).toBe(0);
    expect(data(dir).paths['/a']?.get['x-apigateway-backend']?.httpEndpoints.timeout).toBe(5000);
    expect(data(dir).paths['/b']?.get['x-apigateway-backend']?.httpEndpoints.timeout).toBe(7000);
  });

  it('removing the anchored one keeps the other whole', async () => {
    const dir = file();
    const r = await runCli(['remove', 'api', 'getA', '-w', 'shop.yaml', '--yes'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(Object.keys(data(dir).paths)).toEqual(['/b']);
    expect(data(dir).paths['/b']?.get['x-apigateway-backend']?.httpEndpoints.timeout).toBe(5000);
    expect((await runCli(['lint', 'shop.yaml', '--quiet'], { cwd: dir })).code).toBe(0);
  });
});
