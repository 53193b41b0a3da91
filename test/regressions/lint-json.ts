/** The regression tests' `apig lint -f json` of one Swagger text, written alone in a temporary folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../e2e/run-cli.js';

export interface JsonFinding {
  code: string;
  message: string;
}

/** Every finding of the text, as `-f json` lists them. */
export async function lintFindings<F extends JsonFinding = JsonFinding>(text: string): Promise<F[]> {
  const f = join(mkdtempSync(join(tmpdir(), 'apig-lint-json-')), 'api.yaml');
  writeFileSync(f, text);
  const r = await runCli(['lint', f, '-f', 'json']);
  return (JSON.parse(r.stdout) as { results: F[] }).results;
}

/** The messages of one rule's findings. */
export async function ruleMessages(text: string, rule: string): Promise<string[]> {
  return (await lintFindings(text)).filter((x) => x.code === rule).map((x) => x.message);
}
