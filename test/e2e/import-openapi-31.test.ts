/**
 * Issue 15: OpenAPI 3.1 input was refused outright ("OpenAPI 3.1.0 is not supported"). A 3.1 file that uses nothing
 * 3.1-only now lints clean, imports, and exports back as 3.1.0 with nothing lost; one that uses 3.1-only
 * constructs gets one finding for each, at its place, naming the 3.0 way.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const FILE = join(ROOT, 'fixtures/imports/openapi-31.yaml');
const temp = (): string => mkdtempSync(join(tmpdir(), 'apig-oas31-'));

describe('OpenAPI 3.1 input', () => {
  it('written the 3.0 way: lints clean, imports, exports back as 3.1.0 with nothing lost', async () => {
    expect((await runCli(['lint', FILE])).code).toBe(0);
    const dir = temp();
    const imported = await runCli(['import', FILE], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
    const check = await runCli(['export', '--check'], { cwd: dir });
    expect(check.code, check.stdout).toBe(0);
    const exported = await runCli(['export'], { cwd: dir });
    expect(exported.stdout.startsWith('openapi: 3.1.0\n')).toBe(true);
  });

  it('3.1-only constructs: one finding each, where they stand; import refuses', async () => {
    const dir = temp();
    const text = `openapi: 3.1.0
webhooks: {}
info: {title: pets_31, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: [string, "null"]}}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`;
    writeFileSync(join(dir, 'p.yaml'), text);
    const lint = await runCli(['lint', 'p.yaml', '-f', 'json'], { cwd: dir });
    expect(lint.code).toBe(1);
    const rows = (JSON.parse(lint.stdout) as { results: Array<{ code: string; path: string; message: string }> })
      .results;
    expect(rows.map((r) => [r.code, r.path])).toEqual([
      ['swagger-schema', '/webhooks'],
      ['swagger-schema', '/paths/~1pets/get/responses/200/content/application~1json/schema/type'],
    ]);
    expect(rows[1]?.message).toContain('`type` as a list (3.0: `nullable: true`) is OpenAPI 3.1 only');
    expect((await runCli(['import', 'p.yaml', '-w', 'ws'], { cwd: dir })).code).toBe(2);
  });
});
