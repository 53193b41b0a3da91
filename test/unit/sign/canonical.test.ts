import { describe, expect, it } from 'vitest';
import { ApigError } from '../../../src/core/errors.js';
import { canonicalQuery, canonicalUri, parseRawUrl, parseHeaderLine, wirePath } from '../../../src/sign/index.js';
import { int, pick, rng } from './gen.js';

describe('parseRawUrl: verbatim split, no WHATWG normalisation (signing.md §3 pitfalls)', () => {
  it.each([
    ['https://h.example.com', { scheme: 'https', authority: 'h.example.com', rawPath: '', rawQuery: '' }],
    ['HTTPS://h:443/a/../b?x=1#frag?y', { scheme: 'https', authority: 'h:443', rawPath: '/a/../b', rawQuery: 'x=1' }],
    ['http://[::1]:8080?q', { scheme: 'http', authority: '[::1]:8080', rawPath: '', rawQuery: 'q' }],
    ['http://h/p#f', { scheme: 'http', authority: 'h', rawPath: '/p', rawQuery: '' }],
    ['http://h/a?b/c?d', { scheme: 'http', authority: 'h', rawPath: '/a', rawQuery: 'b/c?d' }],
  ])('%s', (url, expected) => {
    expect(parseRawUrl(url)).toEqual(expected);
  });

  it.each([
    'h.example.com/x',
    'ftp://h/',
    'https:///x',
    'https://user:pw@h/',
    'https://h:99999/',
    'https://bad host/',
    'https://例子.中国/',
  ])('rejects %s with an input error', (url) => {
    expect(() => parseRawUrl(url)).toThrow(ApigError);
  });
});

describe('canonical URI and query', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['//a//b', '//a//b/'],
    ['/a/./b/../c', '/a/./b/../c/'],
    ['/v1/a%2Fb/c', '/v1/a/b/c/'],
    ['/a+b/:@!$&=;,', '/a%2Bb/%3A%40%21%24%26%3D%3B%2C/'],
    ['/bad%zz%', '/bad%25zz%25/'],
  ])('canonicalUri(%j) = %j', (raw, expected) => {
    expect(canonicalUri(raw)).toBe(expected);
  });

  it.each([
    ['a=b=c', 'a=b%3Dc'],
    ['=x&&k', 'k='],
    ['a_c=3&a-b=2&a=1', 'a=1&a-b=2&a_c=3'],
    ['b&a=', 'a=&b='],
    ['k=2&k=10&k=1', 'k=1&k=10&k=2'],
    ['x=%zz', 'x=%25zz'],
  ])('canonicalQuery(%j) = %j', (raw, expected) => {
    expect(canonicalQuery(raw)).toBe(expected);
  });

  it('the fast path for plain queries agrees with the general path', () => {
    const r = rng(7);
    const general = { queryDecode: 'full', querySort: 'decodedCodeUnits', emptyValue: 'equals' } as const;
    for (let i = 0; i < 2000; i++) {
      let q = '';
      for (let n = int(r, 0, 12); n > 0; n--) q += pick(r, ['a', 'b', 'A', '-', '_', '.', '~', '0', '=', '&', '&']);
      expect(canonicalQuery(q), q).toBe(canonicalQuery(q, general));
    }
  });

  it('wirePath keeps valid escapes and encodes what a request target cannot hold', () => {
    expect(wirePath('/v1/my file/文件/%E6%96%87/100%/a%2Fb')).toBe(
      '/v1/my%20file/%E6%96%87%E4%BB%B6/%E6%96%87/100%25/a%2Fb',
    );
    expect(wirePath('')).toBe('/');
  });
});

describe('parseHeaderLine (curl -H)', () => {
  it.each([
    ['Content-Type: application/json', ['Content-Type', 'application/json']],
    ['X-A:  spaced  value ', ['X-A', 'spaced  value']],
    ['X-Empty;', ['X-Empty', '']],
    ['X-Empty:', ['X-Empty', '']],
    ['X-Url: http://a:b/c', ['X-Url', 'http://a:b/c']],
  ])('%j', (line, expected) => {
    expect(parseHeaderLine(line)).toEqual(expected);
  });

  it.each(['NoColon', 'Bad Name: x', ': empty name'])('rejects %j', (line) => {
    expect(() => parseHeaderLine(line)).toThrow(/malformed header/);
  });
});
