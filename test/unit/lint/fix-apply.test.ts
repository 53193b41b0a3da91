/** lint/fix/apply.ts: fixes as data, applied in order, each checked against what the ones before it left. */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../src/lint/fix/apply.js';
import type { Fix } from '../../../src/lint/fix/types.js';

const set = (path: string, was: unknown, value: unknown): Fix => ({
  description: `set ${path}`,
  edits: [{ op: 'set', path, ...(was === undefined ? {} : { was }), value }],
});

const YAML = `# the shop's API
swagger: "2.0"
paths:
  /a:
    get:
      parameters:
        - {name: id, in: Path, type: string}   # as exported
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: {address: "10.0.0.1", scheme: HTTPS, timeout: "5000"}  # keep this
        parameter_name: x
`;

describe('applyFixes', () => {
  it('sets values where they stand: comments, quotes and the other bytes stay', () => {
    const r = applyFixes(YAML, 'yaml', [
      set('/paths/~1a/get/parameters/0/in', 'Path', 'path'),
      set('/paths/~1a/get/x-apigateway-backend/httpEndpoints/scheme', 'HTTPS', 'https'),
      set('/paths/~1a/get/x-apigateway-backend/httpEndpoints/timeout', '5000', 5000),
      set('/paths/~1a/get/parameters/0/required', undefined, true),
    ]);
    expect(r.outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(r.text).toBe(`# the shop's API
swagger: "2.0"
paths:
  /a:
    get:
      parameters:
        - {name: id, in: path, type: string, required: true}   # as exported
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: {address: "10.0.0.1", scheme: https, timeout: 5000}  # keep this
        parameter_name: x
`);
  });

  it('renames a key in place, and a later edit below the old key follows it', () => {
    const r = applyFixes(YAML, 'yaml', [
      {
        description: 'rename',
        edits: [{ op: 'rename', path: '/paths/~1a/get/x-apigateway-backend/httpEndpoints', to: 'endpoints' }],
      },
      set('/paths/~1a/get/x-apigateway-backend/httpEndpoints/scheme', 'HTTPS', 'https'),
    ]);
    expect(r.outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    expect(r.text).toContain('        endpoints: {address: "10.0.0.1", scheme: https, timeout: "5000"}  # keep this\n');
    expect(r.text).toContain('        parameter_name: x\n');
  });

  it('renames a key of a flow map and of a list item in place', () => {
    const text =
      'c:\n  - {type: equal, parameter_name: lang, value: en}   # flow\n  - parameter_name: x\n    value: y\n';
    const rename = (path: string): Fix => ({ description: 'r', edits: [{ op: 'rename', path, to: 'parameter' }] });
    const r = applyFixes(text, 'yaml', [rename('/c/0/parameter_name'), rename('/c/1/parameter_name')]);
    expect(r.text).toBe('c:\n  - {type: equal, parameter: lang, value: en}   # flow\n  - parameter: x\n    value: y\n');
  });

  it('adds a key to a map and an entry to a list; the same addition twice is there already', () => {
    const param = { name: 'x', in: 'query', type: 'string' };
    const add: Fix = {
      description: 'add',
      edits: [{ op: 'add', path: '/paths/~1a/get/parameters/-', value: param }],
    };
    const key: Fix = { description: 'key', edits: [{ op: 'add', path: '/paths/~1a/get/operationId', value: 'getA' }] };
    const r = applyFixes(YAML, 'yaml', [add, key, add, key]);
    expect(r.outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'already', 'already']);
    expect(r.text.match(/in: query/g)).toHaveLength(1);
    expect(r.text).toContain('      operationId: getA\n');
  });

  it('skips a fix whose place no longer holds what it expects, whole, and says where', () => {
    const r = applyFixes(YAML, 'yaml', [
      set('/paths/~1a/get/parameters/0/in', 'Path', 'path'),
      {
        description: 'two edits',
        edits: [
          { op: 'set', path: '/paths/~1a/get/x-apigateway-backend/type', was: 'HTTP', value: 'MOCK' },
          { op: 'set', path: '/paths/~1a/get/parameters/0/in', was: 'Path', value: 'query' },
        ],
      },
    ]);
    expect(r.outcomes).toEqual([
      { status: 'applied' },
      { status: 'skipped', why: '/paths/~1a/get/parameters/0/in no longer holds what it did' },
    ]);
    expect(r.text).toContain('type: HTTP');
  });

  it('skips what is not there and a key that would be written twice', () => {
    const r = applyFixes(YAML, 'yaml', [
      set('/paths/~1b/get/operationId', undefined, 'x'),
      { description: 'dup', edits: [{ op: 'add', path: '/swagger', value: '3.0' }] },
      {
        description: 'rename onto a key',
        edits: [{ op: 'rename', path: '/paths/~1a/get/x-apigateway-backend/parameter_name', to: 'type' }],
      },
    ]);
    expect(r.outcomes.map((o) => (o.status === 'skipped' ? o.why : o.status))).toEqual([
      '/paths/~1b/get is not there any more',
      '/swagger is already there',
      '/paths/~1a/get/x-apigateway-backend/parameter_name: the map already has a key "type"',
    ]);
    expect(r.text).toBe(YAML);
  });

  it('keeps a JSON file JSON, in its own indentation, with a renamed key in its place', () => {
    const json = '{\n    "a": {"b": "HTTPS", "parameter_name": "x", "c": 1}\n}\n';
    const r = applyFixes(json, 'json', [
      set('/a/b', 'HTTPS', 'https'),
      { description: 'rename', edits: [{ op: 'rename', path: '/a/parameter_name', to: 'parameter' }] },
    ]);
    expect(r.text).toBe('{\n    "a": {\n        "b": "https",\n        "parameter": "x",\n        "c": 1\n    }\n}\n');
  });

  it('keeps a byte-order mark and CRLF line ends', () => {
    const text = '\uFEFFa:\r\n  b: HTTPS # c\r\n  d: 1\r\n';
    const r = applyFixes(text, 'yaml', [
      set('/a/b', 'HTTPS', 'https'),
      { description: 'add', edits: [{ op: 'add', path: '/a/e', value: true }] },
    ]);
    expect(r.text).toBe('\uFEFFa:\r\n  b: https # c\r\n  d: 1\r\n  e: true\r\n');
  });

  it('a change at an alias changes that place only: the alias is written out as a copy (reconcile.ts)', () => {
    const text = 'base: &b {scheme: HTTPS}\none: *b\n';
    const r = applyFixes(text, 'yaml', [set('/one/scheme', 'HTTPS', 'https')]);
    expect(r.outcomes[0]?.status).toBe('applied');
    expect(r.text).toBe('base: &b {scheme: HTTPS}\none:\n  scheme: https\n');
  });

  it('a text that is not YAML skips every fix', () => {
    const r = applyFixes('a: [\n', 'yaml', [set('/a', undefined, 1)]);
    expect(r.outcomes[0]?.status).toBe('skipped');
    expect(r.text).toBe('a: [\n');
  });

  it('a key named like a prototype member is data', () => {
    const text = 'paths:\n  __proto__: {in: Query}\n';
    const r = applyFixes(text, 'yaml', [set('/paths/__proto__/in', 'Query', 'query')]);
    expect(r.text).toBe('paths:\n  __proto__: {in: query}\n');
  });
});
