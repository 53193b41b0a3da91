/**
 * The readings of a request path (src/gateway/request/request-path.ts) and the checks on values placed in the
 * backend request (src/gateway/request/backend-values.ts), table-driven.
 */
import { describe, expect, it } from 'vitest';
import {
  headerValueProblem,
  placeholderProblem,
  placeholderText,
} from '../../../src/gateway/request/backend-values.js';
import { splitTarget } from '../../../src/gateway/request/context.js';
import { dotSegment, liberalReading } from '../../../src/gateway/request/request-path.js';

describe('dotSegment', () => {
  it.each([
    ['/a/../b', '..'],
    ['/a/./b', '.'],
    ['/a/..', '..'],
    ['/..', '..'],
    ['/a/%2e%2E/b', '..'],
    ['/a/.%2e', '..'],
    ['/a/%2E', '.'],
    ['/a%2f..%2fb', '..'],
    ['/a%2F.', '.'],
    ['/a/..%5cb', '..'],
    ['/a\\..\\b', '..'],
    ['..', '..'],
    // Path parameters and NUL end a segment (Tomcat, Jetty; C strings).
    ['/a/..;/b', '..'],
    ['/a/..;jsessionid=1/b', '..'],
    ['/a/.;x', '.'],
    ['/a/..%3Bx/b', '..'],
    ['/a/..%00/b', '..'],
    ['/a/..%00.png', '..'],
    // Overlong UTF-8 and IIS %u escapes.
    ['/a/%C0%AE%C0%AE/b', '..'],
    ['/a/%e0%80%ae.', '..'],
    ['/a/..%C0%AFb', '..'],
    ['/a/..%c1%9cb', '..'],
    ['/a/..%c1%1cb', '..'],
    ['/a/%u002e%u002e/b', '..'],
    // Compatibility characters (NFKC): fullwidth full stop and solidus, one- and two-dot leaders.
    ['/a/%EF%BC%8E%EF%BC%8E/b', '..'],
    ['/a/..%EF%BC%8Fb', '..'],
    ['/a/..%EF%BC%BCb', '..'],
    ['/a/%E2%80%A4%E2%80%A4', '..'],
    ['/a/%E2%80%A5/b', '..'],
  ] as const)('%s has %s', (path, dots) => {
    expect(dotSegment(path)).toBe(dots);
  });

  it.each([
    '/',
    '/a/b',
    '/a..b/...',
    '/.a/a./..a',
    '/%252e%252e/b',
    '/a%2F%2E%2Eb',
    '/%2e%2e%2e',
    '',
    '/a%zz/..x',
    '/a/%00../b',
    '/a/x;..',
    '/a/%C3%A9..',
    '/a/%u12',
    '/a/%C0',
  ])('%s has none', (path) => {
    expect(dotSegment(path)).toBeUndefined();
  });
});

describe('liberalReading', () => {
  it('reads %2F, %5C, \\ and // as /, ends segments at ; and NUL, and is undefined when nothing changes', () => {
    expect(liberalReading('/a%2Fb%2fc%5Cd%5ce\\f')).toBe('/a/b/c/d/e/f');
    expect(liberalReading('/a//b///c/')).toBe('/a/b/c/');
    expect(liberalReading('/a;x/b%3By/c%00z/d')).toBe('/a/b/c/d');
    expect(liberalReading('/%EF%BD%90rivate%EF%BC%8Fkey')).toBe('/private/key');
    expect(liberalReading('/a/b')).toBeUndefined();
    expect(liberalReading('/a/b/')).toBeUndefined();
  });

  it('a decoded % is escaped again, so that the router decodes it once', () => {
    expect(liberalReading('/a/%2541')).toBeUndefined();
    expect(liberalReading('/a/%2541;x')).toBe('/a/%2541');
    expect(liberalReading('/a/%41')).toBe('/a/A');
  });
});

describe('splitTarget', () => {
  it.each([
    ['/a/b?x=1', { path: '/a/b', query: 'x=1', authority: undefined }],
    ['http://A.example.com:81/a/../b?x', { path: '/a/../b', query: 'x', authority: 'a.example.com:81' }],
    ['https://u:p@h.example.com', { path: '/', query: '', authority: 'h.example.com' }],
    ['http://h.example.com?q=1', { path: '/', query: 'q=1', authority: 'h.example.com' }],
    ['http://[::1]:8080/x', { path: '/x', query: '', authority: '[::1]:8080' }],
    ['*', { path: '*', query: '', authority: undefined }],
  ])('%s', (target, expected) => {
    expect(splitTarget(target)).toEqual(expected);
  });
});

describe('values placed in the backend request', () => {
  it('header values: tab, ASCII and Latin-1 pass; controls and characters beyond Latin-1 do not', () => {
    expect(headerValueProblem('a\tb c\u00e9\u00ff')).toBeUndefined();
    expect(headerValueProblem('a\r\nb')).toMatch(/control character U\+000D/);
    expect(headerValueProblem('\u0000')).toMatch(/U\+0000/);
    expect(headerValueProblem('\u007f')).toMatch(/U\+007F/);
    expect(headerValueProblem('\u4e2d')).toMatch(/U\+4E2D, beyond Latin-1/);
  });

  it('placeholders: {name} is one segment, {name+} keeps the segments as sent', () => {
    expect(placeholderText('a/b c', false)).toBe('a%2Fb%20c');
    expect(placeholderText('a/b c', true)).toBe('a/b%20c');
    expect(placeholderText('x/y/z', true, 'x/y%2Fz')).toBe('x/y%2Fz');
    expect(placeholderText('x/a b', true, 'x/a%20b')).toBe('x/a%20b');
  });

  it('a placeholder text with a dot-segment in some reading is a problem', () => {
    expect(placeholderProblem(placeholderText('..', false))).toMatch(/"\.\." segment/);
    expect(placeholderProblem(placeholderText('../admin', false))).toMatch(/"\.\." segment/);
    expect(placeholderProblem(placeholderText('a/./b', true))).toMatch(/"\." segment/);
    expect(placeholderProblem(placeholderText('%2e%2e', false))).toBeUndefined();
    expect(placeholderProblem(placeholderText('a..b', true))).toBeUndefined();
  });
});
