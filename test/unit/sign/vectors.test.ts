import { describe, expect, it } from 'vitest';
import { signRequest } from '../../../src/sign/index.js';
import { inputOf, loadVectors } from './vectors.js';

const vectors = loadVectors();

describe('known-answer vectors (sign-vectors.json, signing.md §3)', () => {
  it('has vectors to check', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(32);
  });

  for (const v of vectors) {
    it(`${v.name}: canonicalRequest, stringToSign and authorization byte for byte`, () => {
      const t = signRequest(inputOf(v));
      expect(t.canonicalRequest).toBe(v.expected.canonicalRequest);
      expect(t.stringToSign).toBe(v.expected.stringToSign);
      expect(t.authorization).toBe(v.expected.authorization);
    });
  }
});
