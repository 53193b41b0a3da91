/**
 * The loader skips the `$ref` walk when the text cannot hold a `$ref` (refs.ts mayHoldRef); a `$ref` spelled with
 * an escape in a quoted string is still found and checked, in JSON and in YAML, as a `$ref` written out is.
 */
import { describe, expect, it } from 'vitest';
import { loadGroupText } from '../../../src/oas/load-group.js';
import { mayHoldRef } from '../../../src/oas/refs.js';
import { parseSource } from '../../../src/oas/source.js';

const HEAD = 'swagger: "2.0"\ninfo:\n  title: t\n  version: "1"\n';
const OP = 'responses: {200: {description: ok}}';

async function refProblems(file: string, text: string): Promise<string[]> {
  const r = await loadGroupText(file, text);
  return r.diagnostics.filter((d) => d.code === 'ref-resolution').map((d) => `${d.path}: ${d.message}`);
}

describe('mayHoldRef', () => {
  it('finds $ref written out or spelled with an escape', () => {
    expect(mayHoldRef('a: {$ref: "#/x"}')).toBe(true);
    expect(mayHoldRef('{"\\u0024ref": "#/x"}')).toBe(true);
    expect(mayHoldRef('{"$\\u0072ef": "#/x"}')).toBe(true);
    expect(mayHoldRef('a: {"\\x24ref": "#/x"}')).toBe(true);
    expect(mayHoldRef('a: {"\\U00000024ref": "#/x"}')).toBe(true);
    expect(mayHoldRef('a: {"$re\\\n  f": "#/x"}')).toBe(true);
    expect(mayHoldRef('a: {"$re\\\r\n  f": "#/x"}')).toBe(true);
  });

  it('answers false when no escape can spell one', () => {
    expect(mayHoldRef('a: b\n')).toBe(false);
    expect(mayHoldRef('{"a": "{\\"api\\": 0}", "b": "\\n\\t\\\\", "c": "\\/"}')).toBe(false);
    // An escaped backslash before `u` is a backslash and a `u`, not an escape.
    expect(mayHoldRef('{"a": "\\\\u0024ref"}')).toBe(false);
    expect(mayHoldRef('a: ref $re f')).toBe(false);
  });

  it('is what the parsed document carries', () => {
    expect(parseSource('a.yaml', `${HEAD}paths: {}\n`).doc?.mayHoldRefs).toBe(false);
    expect(parseSource('a.json', '{"swagger": "2.0", "x": {"\\u0024ref": "#/y"}}').doc?.mayHoldRefs).toBe(true);
  });
});

describe('the $ref walk', () => {
  it('checks a $ref spelled with an escape as one written out (JSON)', async () => {
    const doc = (key: string) =>
      `{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"parameters": ` +
      `[{"${key}": "#/parameters/nope"}], "responses": {"200": {"description": "ok"}}}}}}`;
    const written = await refProblems('a.json', doc('$ref'));
    expect(written).toEqual([expect.stringContaining('does not resolve')]);
    expect(await refProblems('a.json', doc('\\u0024ref'))).toEqual(written);
  });

  it('checks a $ref spelled with an escape as one written out (YAML)', async () => {
    const doc = (key: string) => `${HEAD}paths:\n  /a:\n    get:\n      parameters: [{${key}: "#/p"}]\n      ${OP}\n`;
    const written = await refProblems('a.yaml', doc('$ref'));
    expect(written).toEqual([expect.stringContaining('does not resolve')]);
    expect(await refProblems('a.yaml', doc('"\\x24ref"'))).toEqual(written);
  });

  it('finds nothing in a text without $ref', async () => {
    expect(await refProblems('a.yaml', `${HEAD}paths:\n  /a:\n    get:\n      ${OP}\n`)).toEqual([]);
  });
});
