/** Loads the shared known-answer vectors (signing.md §6) and turns one into a SignInput. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SignInput } from '../../../src/sign/index.js';

export interface Vector {
  name: string;
  key: string;
  secret: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  unsignedHeaders?: Record<string, string>;
  dateHeaderName?: string;
  signHost?: boolean;
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  date: string;
  disagreement: boolean;
  expected: { canonicalRequest: string; stringToSign: string; authorization: string };
  outputs?: Record<string, { canonicalRequest?: string; authorization?: string; notApplicable?: string }>;
}

/** A copy of ../shared/vectors/sign-vectors.json, so the tests are hermetic; SIGN_VECTORS points at another set (e.g. the held-back one). */
export const VECTORS_FILE = process.env.SIGN_VECTORS ?? resolve(import.meta.dirname, 'sign-vectors.json');

export function loadVectors(): Vector[] {
  return JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as Vector[];
}

export function bodyOf(v: Vector): Buffer {
  return Buffer.from(v.body, v.bodyEncoding === 'base64' ? 'base64' : 'utf8');
}

export function inputOf(v: Vector): SignInput {
  const headers: Record<string, string> = { ...v.headers };
  if (v.dateHeaderName) headers[v.dateHeaderName] = v.date;
  return {
    method: v.method,
    url: v.url,
    headers,
    unsignedHeaders: v.unsignedHeaders,
    body: bodyOf(v),
    key: v.key,
    secret: v.secret,
    date: v.date,
    signHost: v.signHost,
  };
}
