/**
 * Regression (issue 15, "Importing what people have"; found by the User Guide's "Importing APIs" examples in
 * OpenAPI 3.0): `apig import` of a documented example printed `warn  response key "default-cors" is not a status
 * code...` while `apig lint` reports the same finding as `info` (response-key is info in the recommended preset:
 * the console writes that key in every OpenAPI 3.0 export). The loader gave it its own severity; it now gives the
 * rule's, so import and lint say the same about the documented format: a note, not a warning.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/run-cli.js';
import { runInProcess } from './in-process-cli.js';

const EXAMPLE = join(ROOT, 'fixtures/huawei-docs/importing-apis/mock-none.openapi.yaml');

describe('import of an OpenAPI 3.0 console export', () => {
  it('notes default-cors at the severity lint gives it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-response-key-'));
    const imported = await runInProcess(['import', EXAMPLE], dir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/ {2}info {2}response key "default-cors"/);
    expect(imported.stderr).not.toContain('warn');
    const lint = await runInProcess(['lint', EXAMPLE, '-f', 'json'], dir);
    const found = (JSON.parse(lint.stdout) as { results: Array<{ code: string; severity: string }> }).results;
    expect(found.map((f) => `${f.code}:${f.severity}`)).toEqual(['response-key:info']);
  });
});
