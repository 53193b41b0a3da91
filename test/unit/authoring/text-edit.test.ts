import { describe, expect, it } from 'vitest';
import { addEntry, appendItem, setScalar, valueAt } from '../../../src/workspace/authoring/text-edit.js';

/** Every line of `before` is still in `after`, in order: the edit only inserted lines. */
function onlyInserted(before: string, after: string): boolean {
  const a = after.split('\n');
  let i = 0;
  for (const line of before.split('\n')) {
    while (i < a.length && a[i] !== line) i++;
    if (i === a.length) return false;
    i++;
  }
  return true;
}

const GROUP = `# A group file with comments
swagger: "2.0"
info: { title: shop, version: "1.0" }   # flow map, kept as written
paths:
  /a:   # the first path
    get:
      operationId: a
      responses: { "200": { description: ok } }
      # an inner comment

# comment about the policies
x-apigateway-ratelimits:
  p1:
    api-limit: 10
    interval: 1
    unit: SECOND
tail: [1, 2]
`;

describe('text edits keep everything outside the insertion', () => {
  it('adds a path at the end of paths, before the comment that belongs to the next key', () => {
    const out = addEntry(GROUP, 'yaml', ['paths'], '/b/{id}', {
      post: { operationId: 'b', 'x-apigateway-backend': { address: '#backend#' } },
    });
    expect(onlyInserted(GROUP, out)).toBe(true);
    expect(out).toContain('      # an inner comment\n  /b/{id}:\n    post:\n      operationId: b\n');
    expect(out).toContain('address: "#backend#"');
    expect(valueAt(out, 'yaml', ['paths', '/b/{id}', 'post', 'operationId'])).toBe('b');
  });

  it('adds an operation to an existing path item', () => {
    const out = addEntry(GROUP, 'yaml', ['paths', '/a'], 'put', { operationId: 'a2' });
    expect(onlyInserted(GROUP, out)).toBe(true);
    expect(valueAt(out, 'yaml', ['paths', '/a', 'put'])).toEqual({ operationId: 'a2' });
  });

  it('creates a missing map at the root and refuses an existing key', () => {
    const out = addEntry(GROUP, 'yaml', ['x-apigateway-access-controls'], 'acl1', { 'acl-type': 'PERMIT' });
    expect(onlyInserted(GROUP, out)).toBe(true);
    expect(out.endsWith('x-apigateway-access-controls:\n  acl1:\n    acl-type: PERMIT\n')).toBe(true);
    expect(() => addEntry(GROUP, 'yaml', ['x-apigateway-ratelimits'], 'p1', {})).toThrow(/already exists/);
  });

  it('appends to a block list, creates a missing one, and rewrites only a flow list', () => {
    const ws = 'groups:\n  - name: g\n    spec: g.yaml   # here\napps:\n  - name: a\n    key: k\n';
    const out = appendItem(ws, 'yaml', ['apps'], { name: 'b', key: 'k2' });
    expect(out).toBe(`${ws}  - name: b\n    key: k2\n`);
    const created = appendItem(ws, 'yaml', ['paths', '/a', 'get', 'x'], 1);
    expect(valueAt(created, 'yaml', ['paths', '/a', 'get', 'x'])).toEqual([1]);
    const flow = appendItem(GROUP, 'yaml', ['tail'], 3);
    expect(flow).toContain('tail: [ 1, 2, 3 ]');
  });

  it('expands an empty flow map into block style', () => {
    const text = 'swagger: "2.0"\npaths: {}\n';
    const out = addEntry(text, 'yaml', ['paths'], '/x', { get: { operationId: 'x' } });
    expect(out).toBe('swagger: "2.0"\npaths:\n  /x:\n    get:\n      operationId: x\n');
  });

  it('sets a scalar in place or adds it', () => {
    const replaced = setScalar(GROUP, 'yaml', ['x-apigateway-ratelimits', 'p1'], 'api-limit', 20);
    expect(replaced).toBe(GROUP.replace('api-limit: 10', 'api-limit: 20'));
    const added = setScalar(GROUP, 'yaml', ['paths', '/a', 'get'], 'x-apigateway-ratelimit', 'p1');
    expect(valueAt(added, 'yaml', ['paths', '/a', 'get', 'x-apigateway-ratelimit'])).toBe('p1');
    expect(onlyInserted(GROUP, added)).toBe(true);
  });

  it("follows the file's indentation and handles a file without a final newline", () => {
    const text = 'paths:\n    /a:\n        get:\n            operationId: a';
    const out = addEntry(text, 'yaml', ['paths'], '/b', { get: { operationId: 'b' } });
    expect(out).toBe(`${text}\n    /b:\n        get:\n            operationId: b\n`);
  });

  it('edits JSON with its own indentation', () => {
    const text = '{\n    "swagger": "2.0",\n    "paths": {}\n}\n';
    const out = addEntry(text, 'json', ['paths'], '/a', { get: { operationId: 'a' } });
    expect(out).toBe(
      '{\n    "swagger": "2.0",\n    "paths": {\n        "/a": {\n            "get": {\n                "operationId": "a"\n            }\n        }\n    }\n}\n',
    );
    expect(valueAt(appendItem(out, 'json', ['x'], 1), 'json', ['x'])).toEqual([1]);
  });
});
