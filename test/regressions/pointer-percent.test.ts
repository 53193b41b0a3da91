/**
 * Regression (CI, property test seed 15045526): a `%` spliced into a YAML key made the loader throw
 * `URIError: URI malformed` while placing a diagnostic, because every pointer was percent-decoded.
 * Only `$ref` fragments (`#/...`) are percent-encoded (RFC 6901 §6); diagnostic paths are plain pointers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePointer, pointer } from '../../src/core/pointer.js';
import { loadGroupText } from '../../src/oas/load-group.js';

describe('pointers with % in them', () => {
  it('a plain pointer is taken literally; a fragment is percent-decoded; a bad escape is kept', () => {
    expect(parsePointer('/paths/100%/get')).toEqual(['paths', '100%', 'get']);
    expect(parsePointer('/a/%41')).toEqual(['a', '%41']);
    expect(parsePointer('#/definitions/A%20B')).toEqual(['definitions', 'A B']);
    expect(parsePointer('#/definitions/%')).toEqual(['definitions', '%']);
    expect(parsePointer(pointer('x%y', 'a/b~c'))).toEqual(['x%y', 'a/b~c']);
  });

  it('the counterexample CI found ends in diagnostics, not an exception', async () => {
    const t = readFileSync(new URL('../../fixtures/examples/full-featured.yaml', import.meta.url), 'utf8');
    const cut = `${t.slice(0, 29223010 % t.length)}%${t.slice(1196002040 % t.length)}`;
    const r = await loadGroupText('f.yaml', cut);
    expect(r.group !== undefined || r.diagnostics.length > 0).toBe(true);
  });

  it('a diagnostic under a key containing % is placed on that key', async () => {
    const text =
      'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "100%": {description: 5}\n';
    const r = await loadGroupText('f.yaml', text);
    const d = r.diagnostics.find((x) => x.path.includes('100%'));
    expect(d?.range?.start.line).toBe(6);
  });
});
