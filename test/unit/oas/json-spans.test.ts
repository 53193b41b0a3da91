/**
 * The JSON fast path (src/oas/json-spans.ts): JSON.parse's value with the spans the js-yaml path gives, and
 * the js-yaml path's answer (or diagnostic) wherever js-yaml reads JSON differently.
 */
import { describe, expect, it } from 'vitest';
import { countKeyTokens, parseJson } from '../../../src/oas/json-spans.js';
import { MAX_NESTING } from '../../../src/oas/nesting.js';
import { parseSource } from '../../../src/oas/source.js';
import { jsonVerdict } from './scan-oracle.js';

const READ: Record<string, string> = {
  'one line': '{"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{}}',
  'two spaces': JSON.stringify({ a: [1, { b: null, c: [true, false] }], d: {}, e: [] }, null, 2),
  tabs: JSON.stringify({ a: [1, { b: 'x' }] }, null, '\t'),
  CRLF: '{\r\n  "a": [\r\n    1,\r\n    2\r\n  ],\r\n  "b": "c"\r\n}\r\n',
  'root array': '[{"a": 1}, [], "x", 2.5, -1e-7]',
  'escapes in keys and values': '{"a\\"b": "c\\nd", "\\u00e9": "\\ud83d\\ude00", "x\\\\": "\\/"}',
  'keys that look like numbers and names': '{"200": {"description": "ok"}, "1.0": 1, "__proto__": {"x": 1}, "": 0}',
  'numbers js-yaml reads the same way': '{"a": 0, "b": -1.5, "c": 1E3, "d": 12345678901234567890, "e": 1e-400}',
  'spaces around every token': ' { "a" : [ 1 , 2 ] , "b" : { } } ',
};

const GIVES_UP: Record<string, string> = {
  'a duplicate key': '{"a": 1, "b": {"c": 1, "c": 2}}',
  'a duplicate key with escapes': '{"a": 1, "\\u0061": 2}',
  "a key whose ':' is on the next line": '{"a"\n: 1}',
  '-0 (js-yaml reads 0)': '{"a": -0}',
  '1e999 (js-yaml reads a string)': '{"a": 1e999}',
  'a BOM (JSON.parse refuses it)': '\uFEFF{"a": 1}',
  'not JSON': "{'a': 1}",
  'a scalar root': '"text"',
};

describe('json-spans', () => {
  it.each(Object.entries(READ))('reads %s as the js-yaml path does', (_name, text) => {
    expect(parseJson(text)).toBeDefined();
    expect(jsonVerdict(text)).toBe('agree');
  });

  it.each(Object.entries(GIVES_UP))('gives up on %s', (_name, text) => {
    expect(parseJson(text)).toBeUndefined();
  });

  it('gives up near MAX_NESTING, where the js-yaml path words the diagnostic', () => {
    const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
    expect(parseJson(deep(MAX_NESTING + 5))).toBeUndefined();
    expect(parseSource('deep.json', deep(MAX_NESTING + 5)).diagnostics[0]?.message).toContain('nests deeper than');
    expect(jsonVerdict(deep(MAX_NESTING - 3))).toBe('agree');
  });

  it('a duplicate key in a .json file is still a parse diagnostic at the key', () => {
    const r = parseSource('dup.json', '{\n  "swagger": "2.0",\n  "paths": {},\n  "paths": {}\n}\n');
    expect(r.doc).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(r.diagnostics[0]?.range?.start.line).toBe(3);
  });

  it('counts key tokens, not strings that hold colons or quotes', () => {
    expect(countKeyTokens('{"a": "b: c", "d\\"": ["e", "f:"], "g" :1}')).toBe(3);
    expect(countKeyTokens('{"a"\n: 1}')).toBe(-1);
  });

  it('builds the span index only when a position is asked for, once', () => {
    const doc = parseSource('a.json', '{"a": {"b": [10, 20]}}').doc;
    expect(doc?.rangeOf('/a/b/1')).toEqual({ start: { line: 0, character: 17 }, end: { line: 0, character: 19 } });
    expect(doc?.rangeOf('/a/b/9')).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 20 } });
    expect(doc?.rangeOf('/zz')).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 22 } });
  });
});
