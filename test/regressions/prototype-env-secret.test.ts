/**
 * Regression (apig issue 12, "Prototype-free lookups everywhere"): a secret written `${constructor}` (or
 * `${toString}`) was looked up as `env[name]`, so with a plain environment object it read
 * Object.prototype.constructor, a function, and the secret counted as set. An unset variable is unset whatever
 * it is called: the secret is unusable and named as such.
 */
import { describe, expect, it } from 'vitest';
import { resolveSecret, secretProblem } from '../../src/workspace/secrets.js';

describe('a ${VAR} named like an Object.prototype member', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    '${%s} in a plain environment is unset',
    (name) => {
      const secret = resolveSecret(`\${${name}}`, { PATH: '/bin' });
      expect(secret.value).toBeUndefined();
      expect(secretProblem(secret)).toBe(`${name} is not set`);
    },
  );

  it('and is read when it is set', () => {
    expect(resolveSecret('${constructor}', { constructor: 'set-for-real' } as NodeJS.ProcessEnv).value).toBe(
      'set-for-real',
    );
  });
});
