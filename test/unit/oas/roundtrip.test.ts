/** For every fixture: import → export --scope extended → import gives the same model and the same document. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestPath } from '../../../src/core/defaults.js';
import type { Group } from '../../../src/core/model.js';
import { deepEqual } from '../../../src/oas/codec.js';
import { exportDocument } from '../../../src/oas/export-document.js';
import { loadGroupFile, loadGroupText } from '../../../src/oas/load-group.js';
import { serialize } from '../../../src/oas/serialize.js';
import { documentKind } from '../../../src/oas/validate.js';
import { parseSource } from '../../../src/oas/source.js';
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;

function specFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    // fixtures/**/invalid/: documents that are invalid on purpose (Huawei's own broken examples, say).
    if (statSync(p).isDirectory()) return n === 'invalid' ? [] : specFiles(p);
    if (!/\.(ya?ml|json)$/.test(n)) return [];
    const kind = documentKind(parseSource(p, readFileSync(p, 'utf8')).doc?.value);
    return kind === 'swagger2' || kind === 'oas3' ? [p] : [];
  });
}

const files = specFiles(FIXTURES);

describe('round trip over all fixtures', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files.map((f) => [f.slice(FIXTURES.length), f]))('%s', async (_name, file) => {
    const first = await loadGroupFile(file);
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const group = first.group;
    if (!group) throw new Error('no group');
    const exported = exportDocument(group, { scope: 'extended' });
    // Same document, key order included: every x-apigateway-* value survives as written.
    expect(JSON.stringify(exported)).toBe(JSON.stringify(first.doc?.value));
    for (const format of ['yaml', 'json'] as const) {
      const again = await loadGroupText(`again.${format}`, serialize(exported, format));
      expect(deepEqual(again.group, group)).toBe(true);
    }
    // The other OpenAPI version imports cleanly too, with the same request paths (basePath + path: `--oas 3`
    // merges a basePath into the path keys, since OpenAPI 3.0 has none).
    const other = exportDocument(group, { scope: 'extended', oas: group.format === 'oas3' ? 2 : 3 });
    const converted = await loadGroupText('converted.json', serialize(other, 'json'));
    expect(converted.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const called = (g: Group) => g.apis.map((a) => `${a.method} ${requestPath(g, a)} ${a.name}`);
    expect(converted.group && called(converted.group)).toEqual(called(group));
  });

  it('serialises the same input to the same bytes', async () => {
    const { group } = await loadGroupFile(join(FIXTURES, 'variants/real-exports.yaml'));
    if (!group) throw new Error('no group');
    const a = serialize(exportDocument(group, { scope: 'full' }), 'yaml');
    const b = serialize(exportDocument(structuredClone(group), { scope: 'full' }), 'yaml');
    expect(a).toBe(b);
  });
});
