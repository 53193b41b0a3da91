/**
 * Regression (found while attacking `apig lsp`): a `$ref` to a file whose name has a space (or any character
 * a URL encodes) could not be read: the resolver hands the path over percent-encoded (`shared%20defs.yaml`) and
 * apig read that name literally, so lint, import and export all failed with "cannot read …/shared%20defs.yaml:
 * no such file" on a valid file, whether the `$ref` wrote the space or `%20`. The resolver's path is now decoded.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const api = (ref: string): string =>
  [
    'swagger: "2.0"',
    'info: { title: refs, version: "1" }',
    'paths:',
    '  /items:',
    '    get:',
    '      operationId: listItems',
    '      responses:',
    `        "200": { description: ok, schema: { $ref: "${ref}#/definitions/Item" } }`,
    '      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: "{}" } }',
    '',
  ].join('\n');

describe('a $ref to a file whose name has a space', () => {
  it.each(['shared defs.yaml', 'shared%20defs.yaml', './sub%20dir/it%27s.yaml'])('%s is read', async (ref) => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-ref-space-'));
    const file = join(dir, decodeURIComponent(ref));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'definitions:\n  Item: { type: object, properties: { id: { type: string } } }\n');
    writeFileSync(join(dir, 'api.yaml'), api(ref));
    const lint = await runInProcess(['lint', 'api.yaml'], dir);
    expect(lint.stdout).not.toContain('cannot read');
    expect(lint.code).toBe(0);
    const exported = await runInProcess(['export', 'api.yaml'], dir);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
  });
});
