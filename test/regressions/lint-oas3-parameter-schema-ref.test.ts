/**
 * An OpenAPI 3.0 parameter whose `schema` is a `$ref` (`schema: {$ref: '#/components/schemas/Id'}`, the usual
 * way to share a type) was read as a parameter without a type: lint said `has type (none): APIG knows string
 * and number` (an error) and ignored its bounds and enum, and `apig serve` did not know it was a number. The
 * type and bounds are those of the schema it names (User Guide (online), "Restrictions and Compatibility" of
 * importing APIs: integer → number, string → string), and export writes the `$ref` back as it was written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../e2e/run-cli.js';

const DOC = `openapi: 3.0.1
info: {title: ref_group, version: "1"}
paths:
  /u/{id}:
    get:
      operationId: getUser
      parameters:
        - name: id
          in: path
          required: true
          schema: {$ref: '#/components/schemas/Id'}
        - name: size
          in: query
          schema: {$ref: '#/components/schemas/Size'}
        - $ref: '#/components/parameters/Kind'
      responses:
        "200": {description: ok}
      x-apigateway-backend:
        type: MOCK
        mockEndpoints: {result-content: hi}
components:
  schemas:
    Id: {type: string, maxLength: 8}
    Size: {$ref: '#/components/schemas/Count'}
    Count: {type: integer, minimum: 1, maximum: 10}
    Kinds: {type: string, enum: [a, b]}
  parameters:
    Kind:
      name: kind
      in: query
      schema: {$ref: '#/components/schemas/Kinds'}
`;

const file = (text: string): string => {
  const f = join(mkdtempSync(join(tmpdir(), 'apig-oas3-ref-')), 'api.yaml');
  writeFileSync(f, text);
  return f;
};

const findings = async (f: string): Promise<string[]> => {
  const r = await runCli(['lint', f, '-f', 'json']);
  return (JSON.parse(r.stdout) as { results: Array<{ code: string; message: string }> }).results.map(
    (x) => `${x.code}: ${x.message}`,
  );
};

describe('OpenAPI 3.0 parameter schemas given by $ref', () => {
  it('lint clean: the type comes from the schema the $ref names', async () => {
    expect(await findings(file(DOC))).toEqual([]);
  });

  it("the named schema's bounds and enum apply", async () => {
    const bad = DOC.replace(
      'Kinds: {type: string, enum: [a, b]}',
      'Kinds: {type: string, enum: [a, b], default: c}',
    ).replace('Count: {type: integer, minimum: 1, maximum: 10}', 'Count: {type: integer, minimum: 10, maximum: 1}');
    const found = (await findings(file(bad))).join('\n');
    expect(found).toMatch(/default "c" is not one of the enum values of "kind"/);
    expect(found).toMatch(/minimum 10 is greater than maximum 1/);
    expect(found).not.toMatch(/has type \(none\)/);
  });

  it('a $ref that leads nowhere is still a parameter without a type', async () => {
    const found = (await findings(file(DOC.replace("schemas/Id'", "schemas/Nope'")))).join('\n');
    expect(found).toMatch(/has type \(none\)|Nope/);
  });

  it('export writes the $ref back, not the type it stands for', async () => {
    const f = file(DOC);
    const r = await runCli(['export', f]);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(r.stdout)).toEqual(parse(DOC));
    const check = await runCli(['export', f, '--check']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});
