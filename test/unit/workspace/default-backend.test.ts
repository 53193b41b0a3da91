/** --default-backend (src/workspace/default-backend.ts): what each form means, and the example a Mock answers. */
import { describe, expect, it } from 'vitest';
import { exampleBody, parseDefaultBackend } from '../../../src/workspace/default-backend.js';

describe('parseDefaultBackend', () => {
  it('mock, from-file, and http(s) URLs with a path', () => {
    expect(parseDefaultBackend('mock')).toEqual({ kind: 'mock' });
    expect(parseDefaultBackend('from-file')).toEqual({ kind: 'from-file' });
    expect(parseDefaultBackend('https://api.example.com/base/')).toEqual({
      kind: 'http',
      scheme: 'https',
      address: 'api.example.com',
      basePath: '/base',
    });
    expect(parseDefaultBackend('http://127.0.0.1:9000')).toMatchObject({ address: '127.0.0.1:9000', basePath: '' });
  });

  it('refuses what is neither, saying what it takes', () => {
    expect(parseDefaultBackend('MOCK')).toMatch(/takes mock, from-file or an http\(s\) URL/);
    expect(parseDefaultBackend('ws://h')).toMatch(/must be http or https/);
    expect(parseDefaultBackend('http://u:p@h')).toMatch(/without a query, fragment or user/);
  });
});

describe('exampleBody', () => {
  it.each([
    ['Swagger 2.0 examples', { '200': { description: 'ok', examples: { 'application/json': { a: 1 } } } }, '{"a":1}'],
    ['a schema example', { '201': { description: 'ok', schema: { type: 'string', example: 'made' } } }, 'made'],
    [
      'OpenAPI 3.0 named examples',
      { '200': { description: 'ok', content: { 'application/json': { examples: { one: { value: [1] } } } } } },
      '[1]',
    ],
    ['default when no 2xx', { default: { description: 'ok', examples: { 'text/plain': 'hi' } } }, 'hi'],
    ['no example', { '200': { description: 'ok' } }, ''],
    ['no 2xx or default', { '404': { description: 'no', examples: { 'text/plain': 'gone' } } }, ''],
  ])('%s', (_what, responses, body) => {
    expect(exampleBody({ responses })).toBe(body);
  });
});
