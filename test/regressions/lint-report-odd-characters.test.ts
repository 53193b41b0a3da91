/**
 * Regression (issue 14, every format): a file name with a space or `#` made the SARIF log invalid (artifactLocation
 * `uri` must be a URI reference: "my api.yaml" is not), and a control character in a finding (a path key holding
 * BEL, quoted in swagger-schema's message) was written raw into the JUnit XML, which XML 1.0 cannot hold, so CI
 * parsers rejected the whole report. The SARIF uri is now percent-encoded; JUnit writes U+FFFD for such characters.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

const SPEC = `swagger: "2.0"
info: { title: shop, version: "1" }
paths:
  /orders:
    get:
      operationId: x
      parameters:
        - { name: x-stage, in: header, type: string }
      responses: { "200": { description: ok } }
`;

function sarifSchema() {
  const url = new URL('../e2e/sarif-schema-2.1.0.json', import.meta.url);
  const { $schema: _s, id, ...rest } = JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormatsModule as unknown as { default: (a: Ajv) => Ajv }).default(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}

describe('lint reports stay valid whatever the names hold', () => {
  it('SARIF: a file named "my api#1.yaml"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-odd-'));
    writeFileSync(join(dir, 'my api#1.yaml'), SPEC);
    const r = await runCli(['lint', 'my api#1.yaml', '-f', 'sarif'], { cwd: dir });
    const log = JSON.parse(r.stdout) as {
      runs: Array<{
        results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
      }>;
    };
    const validate = sarifSchema();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('my%20api%231.yaml');
  });

  it('JUnit: a control character in a finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-odd-'));
    writeFileSync(join(dir, 'api.yaml'), SPEC.replace('/orders:', '/orders\u0007:'));
    const r = await runCli(['lint', 'api.yaml', '-f', 'junit'], { cwd: dir });
    expect(r.stdout).toContain('<failure');
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(r.stdout).toContain('/orders\uFFFD');
  });
});
