/** A tiny seeded generator for property tests (no dependency): deterministic, so failures reproduce. */
import type { SignInput } from '../../../src/sign/index.js';

export type Rng = () => number;

/** mulberry32 */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function int(r: Rng, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1));
}

export function pick<T>(r: Rng, items: readonly T[]): T {
  return items[int(r, 0, items.length - 1)] as T;
}

/** Characters that exercise every encoding rule: unreserved, reserved, `%`, `+`, space, CJK, astral. */
const ATOMS = [
  'a',
  'Z',
  '0',
  '-',
  '_',
  '.',
  '~',
  '*',
  '!',
  ':',
  '@',
  '$',
  ',',
  ';',
  '=',
  '&',
  '+',
  ' ',
  '%25',
  '%2F',
  '%20',
  '%2B',
  '文',
  'é',
  '😀',
  'ｚ',
];

export function text(r: Rng, maxLen: number, atoms: readonly string[] = ATOMS): string {
  let s = '';
  const n = int(r, 0, maxLen);
  for (let i = 0; i < n; i++) s += pick(r, atoms);
  return s;
}

const PATH_ATOMS = ATOMS.filter((a) => a !== '&' && a !== '=');
const QUERY_ATOMS = ATOMS.filter((a) => a !== '&' && a !== '=' && a !== '+' && a !== ' ');
const NAME_ATOMS = ['a', 'b', 'x', 'k', '-', '0'];

export function rawPath(r: Rng): string {
  const n = int(r, 0, 4);
  let p = '';
  for (let i = 0; i < n; i++) p += `/${text(r, 6, PATH_ATOMS)}`;
  return p + (r() < 0.3 ? '/' : '');
}

export function rawQuery(r: Rng): string {
  const n = int(r, 0, 4);
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = `k${text(r, 3, QUERY_ATOMS)}`;
    items.push(r() < 0.2 ? key : `${key}=${text(r, 5, QUERY_ATOMS)}`);
  }
  return items.join('&');
}

export function headerName(r: Rng): string {
  return `x-${text(r, 5, NAME_ATOMS).replace(/^-+|-+$/g, '')}h`;
}

export function body(r: Rng, maxLen: number): Buffer {
  const n = int(r, 0, maxLen);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = int(r, 0, 255);
  return b;
}

/** A random, valid request to sign. */
export function request(r: Rng): SignInput & { headers: Array<[string, string]>; body: Buffer } {
  const headers: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (let i = int(r, 0, 4); i > 0; i--) {
    const name = headerName(r);
    if (seen.has(name)) continue;
    seen.add(name);
    headers.push([name, text(r, 8, ['a', 'B', ' ', '\t', '0', '/', ';', '='])]);
  }
  if (r() < 0.5) headers.push(['Content-Type', pick(r, ['application/json', 'text/plain; charset=utf-8'])]);
  const q = rawQuery(r);
  return {
    method: pick(r, ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']),
    url: `https://${pick(r, ['apig.example.com', 'apig.example.com:8443', '127.0.0.1:10000'])}${rawPath(r)}${q === '' ? '' : `?${q}`}`,
    headers,
    body: body(r, 64),
    key: `HPUAEXAMPLEAK${int(r, 0, 9999)}`,
    secret: `${text(r, 20, ['s', 'E', '9', '+', '/', '='])}k`,
    date: '20240315T083000Z',
  };
}
