/**
 * The operation's `security` decodes to scheme names; what encoding cannot give back (a scope, a scope list
 * that is not a list) is kept as written. The codec says so without encoding and comparing (`same`), and must
 * agree with encoding and comparing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual, type DecodeCtx } from '../../../src/oas/codec.js';
import { operationCodec } from '../../../src/oas/extensions/operation.js';

const decode = (security: unknown) => {
  const ctx: DecodeCtx = { source: 'x', diagnostics: [] };
  const op = operationCodec.decode({ security }, '/op', ctx);
  return { op, diagnostics: ctx.diagnostics };
};

describe('operation security', () => {
  it('keeps nothing for empty scope lists, and the written value otherwise', () => {
    expect(decode([{ 'apig-auth-app': [] }]).op?.kept?.values).toBeUndefined();
    const written = [{ 'apig-auth-app': ['read'] }];
    expect(decode(written).op?.kept?.values?.security).toEqual({ written, value: [['apig-auth-app']] });
    expect(operationCodec.encode(decode(written).op as NonNullable<ReturnType<typeof decode>['op']>)).toEqual({
      security: written,
    });
  });

  it('keeps the written value exactly when encoding would not give it back', () => {
    const scopes = fc.oneof(
      fc.constant([]),
      fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }),
      fc.constant(null),
    );
    const requirement = fc.dictionary(fc.constantFrom('a', 'b', '__proto__'), scopes, { maxKeys: 2 });
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 3 }), (security) => {
        const { op } = decode(security);
        const names = security.map((r) => Object.keys(r));
        const encoded = names.map((n) => Object.fromEntries(n.map((k) => [k, []])));
        expect(op?.kept?.values?.security !== undefined).toBe(!deepEqual(encoded, security));
      }),
      { numRuns: 500, seed: 20261206 },
    );
  });
});
