/**
 * Regression (issue 14): the lint reports linked each rule to https://github.com/apig-dev/apig/blob/main/docs/rules/,
 * a site that does not exist (SARIF `helpUri` and `help`; JSON had no link at all). Every link now is a file:// URL
 * of docs/rules/<id>.md in the installed package, which ships those pages: each one opens.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-doclinks-'));
  writeFileSync(join(dir, 'api.yaml'), SPEC);
  return dir;
}

const opens = (url: string): boolean => url.startsWith('file://') && existsSync(fileURLToPath(url));

describe('lint doc links open', () => {
  it('SARIF helpUri and help of every rule', async () => {
    const r = await runCli(['lint', 'api.yaml', '-f', 'sarif'], { cwd: workspace() });
    const log = JSON.parse(r.stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ helpUri: string; help: { text: string } }> } } }>;
    };
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.length).toBeGreaterThan(30);
    for (const rule of rules) {
      expect(opens(rule.helpUri), rule.helpUri).toBe(true);
      expect(rule.help.text).toContain(rule.helpUri);
    }
    expect(r.stdout).not.toContain('github.com/apig-dev');
  });

  it('JSON documentationUrl of every result', async () => {
    const r = await runCli(['lint', 'api.yaml', '-f', 'json'], { cwd: workspace() });
    const results = (JSON.parse(r.stdout) as { results: Array<{ documentationUrl?: string }> }).results;
    expect(results.length).toBeGreaterThan(0);
    for (const row of results) expect(opens(row.documentationUrl ?? ''), String(row.documentationUrl)).toBe(true);
  });
});
