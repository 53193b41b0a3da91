/**
 * Regression (issue 15): `apig edit api NAME --method POST` (or `--path`) took the operation out and wrote it anew,
 * so every flow map and quoted value in it was rewritten in block style; moved into another path item, it lost
 * the path-level parameters it inherited; and an API without an operationId, which is named by its method and
 * path, got a new name that the lists naming it in apig.yaml did not follow. Now the method (or the path, when the
 * path item holds nothing else) is renamed in place, the inherited parameters go with the operation, and the
 * references follow the new name.
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
  /x:
    parameters: [{ name: tenant, in: header, type: string, required: true }]
    get:
      responses: { "200": { description: ok } } # kept
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: "x" } }
    post:
      operationId: postX
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: "y" } }
`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-edit-move-'));
  writeFileSync(
    join(dir, 'apig.yaml'),
    'groups:\n  - name: shop\n    spec: shop.yaml\nenvironments:\n  test: { variables: {} }\n' +
      'publish:\n  RELEASE: ["*"]\n  test: [GET_/x]\n',
  );
  writeFileSync(join(dir, 'shop.yaml'), SPEC);
  return dir;
}

const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8');

describe('apig edit api moving an operation', () => {
  it('--method renames the key in place: the operation keeps its bytes', async () => {
    const dir = workspace();
    const r = await runCli(['edit', 'api', 'postX', '--method', 'PUT', '--yes'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(dir, 'shop.yaml')).toBe(SPEC.replace('    post:\n', '    put:\n'));
  });

  it('to another path item: the inherited parameters go with it, and the new generated name is followed', async () => {
    const dir = workspace();
    const r = await runCli(['edit', 'api', 'GET_/x', '--path', '/y', '--yes'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('it is now GET_/y (updated publish.test)');
    const spec = parse(read(dir, 'shop.yaml')) as { paths: Record<string, Record<string, { parameters?: unknown }>> };
    expect(spec.paths['/y']?.get?.parameters).toEqual([
      { name: 'tenant', in: 'header', type: 'string', required: true },
    ]);
    expect(read(dir, 'apig.yaml')).toContain('test: [GET_/y]');
    expect((await runCli(['lint', '--quiet'], { cwd: dir })).code).toBe(0);
  });
});
