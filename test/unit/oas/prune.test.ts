/** Partial models for lint (src/oas/prune.ts): which part an error leaves out, and that the input stays whole. */
import { describe, expect, it } from 'vitest';
import { partOf, pruneAt } from '../../../src/oas/prune.js';

describe('partOf', () => {
  it.each([
    [
      ['paths', '/a', 'get', 'parameters', '0', 'type'],
      ['paths', '/a', 'get'],
    ],
    [
      ['paths', '/a', 'x-apigateway-any-method', 'x-apigateway-backend'],
      ['paths', '/a', 'x-apigateway-any-method'],
    ],
    [
      ['paths', '/a', 'parameters', '0'],
      ['paths', '/a'],
    ],
    [
      ['paths', '/a'],
      ['paths', '/a'],
    ],
    [['paths'], ['paths']],
    [
      ['x-apigateway-ratelimits', 'rl', 'api-limit'],
      ['x-apigateway-ratelimits', 'rl'],
    ],
    [
      ['definitions', 'User', 'properties'],
      ['definitions', 'User'],
    ],
    [
      ['components', 'schemas', 'User', 'type'],
      ['components', 'schemas', 'User'],
    ],
    [['info', 'title'], ['info']],
  ])('%j leaves out %j', (segments, part) => {
    expect(partOf(segments)).toEqual(part);
  });

  it('an error about the document itself leaves nothing out', () => {
    expect(partOf([])).toBeUndefined();
  });
});

describe('pruneAt', () => {
  const doc = () => ({
    swagger: '2.0',
    paths: {
      '/a': { get: { operationId: 'getA' }, post: { operationId: 'postA' } },
      '/b': { parameters: [{ name: 'x' }], get: { operationId: 'getB' }, put: {} },
    },
    'x-apigateway-ratelimits': { good: { 'api-limit': 1 }, bad: { 'api-limit': 'x' } },
  });

  it('leaves out operations, Path Items and named entries, naming the APIs left out', () => {
    const input = doc();
    const before = JSON.stringify(input);
    const pruned = pruneAt(input, [
      '/paths/~1a/get/parameters/0/type',
      '/paths/~1b/parameters/0',
      '/x-apigateway-ratelimits/bad/api-limit',
    ]);
    expect(pruned.value).toEqual({
      swagger: '2.0',
      paths: { '/a': { post: { operationId: 'postA' } } },
      'x-apigateway-ratelimits': { good: { 'api-limit': 1 } },
    });
    expect(pruned.omitted).toEqual(['/paths/~1a/get', '/paths/~1b', '/x-apigateway-ratelimits/bad']);
    expect(pruned.omittedApis.sort()).toEqual(['getA', 'getB']);
    // Copy-on-write: the document as written is what the rules that read it see.
    expect(JSON.stringify(input)).toBe(before);
  });

  it('an operation inside a Path Item that is left out is counted once', () => {
    const pruned = pruneAt(doc(), ['/paths/~1b/get/responses', '/paths/~1b/parameters/0/in']);
    expect(pruned.omittedApis).toEqual(['getB']);
    expect(Object.keys(pruned.value.paths as object)).toEqual(['/a']);
  });

  it('no errors, nothing left out', () => {
    const input = doc();
    expect(pruneAt(input, []).value).toEqual(input);
    expect(pruneAt(input, ['']).omitted).toEqual([]);
  });
});
