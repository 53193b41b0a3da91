/**
 * Regression (issue 15): `apig edit api getA --method POST --yes`, with POST /a taken by another API, was refused as
 * '--path: the default "/a" is refused: route conflict ...; give --path': it blamed a flag the user did not give
 * and called the current path a default. Now the conflict is said of --method; with --path moving the API too,
 * the change goes through.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

const SPEC = `swagger: "2.0"
info: { title: shop, version: "1.0" }
paths:
  /a:
    get:
      operationId: getA
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: a } }
    post:
      operationId: postA
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: b } }
`;

describe('apig edit api --method onto a taken route', () => {
  it('is refused as --method; with --path as well it moves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-method-conflict-'));
    writeFileSync(join(dir, 'shop.yaml'), SPEC);
    const r = await runCli(['edit', 'api', 'getA', '-w', 'shop.yaml', '--method', 'POST', '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'apig: --method: route conflict: shop.yaml POST /a (getA) matches the same requests as shop.yaml POST /a ' +
        '(postA) (route-conflict)\n',
    );
    expect(readFileSync(join(dir, 'shop.yaml'), 'utf8')).toBe(SPEC);
    const moved = await runCli(
      ['edit', 'api', 'getA', '-w', 'shop.yaml', '--method', 'POST', '--path', '/b', '--yes'],
      {
        cwd: dir,
      },
    );
    expect(moved).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'shop.yaml'), 'utf8')).toContain('  /b:\n    post:\n      operationId: getA\n');
  });
});
