/**
 * The quick schema verdict (src/oas/schema-verdict.ts) keyword by keyword, against ajv compiled with the options
 * apig gives it (draft-07 for extension schemas, draft-04 for the Swagger / OpenAPI schemas): where the verdict is
 * VALID or INVALID, ajv agrees; the edge cases are the ones where JavaScript and JSON Schema part ways.
 */
import { Ajv } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { Compiler, INVALID, UNSURE, VALID, verdict } from '../../../src/oas/schema-verdict.js';

const ajv07 = new Ajv({ allErrors: true, strict: false });
const ajv04 = new ajvDraft04.default({ allErrors: true, strict: false, validateFormats: false });

const CASES: Array<{ schema: Record<string, unknown>; values: unknown[]; draft04?: boolean }> = [
  { schema: { type: 'integer' }, values: [1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', -0, 1e300] },
  { schema: { type: 'number' }, values: [1, Number.NaN, Number.NEGATIVE_INFINITY, '1', null] },
  { schema: { type: ['string', 'null'] }, values: ['a', null, 0, [], {}] },
  { schema: { type: 'object' }, values: [{}, [], null, 'a'] },
  { schema: { type: 'string', minLength: 2 }, values: ['a', 'ab', '😀', '😀😀', ''] },
  { schema: { type: 'string', maxLength: 1 }, values: ['a', 'ab', '😀', '😀😀'] },
  { schema: { type: 'string', pattern: '^[0-9]+$' }, values: ['1', 'a', '١', ''] },
  { schema: { enum: ['a', 1, null] }, values: ['a', 1, null, 'b', {}, [], Number.NaN, true] },
  { schema: { const: 'HTTP' }, values: ['HTTP', 'http', {}, null] },
  { schema: { minimum: 1, maximum: 3 }, values: [0, 1, 3, 4, Number.NaN, 'x'] },
  { schema: { exclusiveMinimum: 1, exclusiveMaximum: 3 }, values: [1, 2, 3] },
  { schema: { minimum: 1, exclusiveMinimum: true }, values: [1, 2, Number.NaN], draft04: true },
  {
    schema: { uniqueItems: true },
    values: [
      [1, 2],
      [1, 1],
      [{ a: 1 }, { a: 1 }],
      [{ a: 1 }, { a: 2 }],
      [Number.NaN, Number.NaN],
      [0, -0],
      ['1', 1],
    ],
  },
  { schema: { required: ['a'], properties: { a: { type: 'string' } } }, values: [{ a: 'x' }, { a: 1 }, {}, { b: 1 }] },
  {
    schema: { additionalProperties: false, patternProperties: { '^x-': {} }, properties: { a: {} } },
    values: [{ a: 1 }, { 'x-b': 1 }, { b: 1 }, { X_b: 1 }, {}],
  },
  { schema: { minProperties: 1, maxProperties: 1 }, values: [{}, { a: 1 }, { a: 1, b: 2 }] },
  { schema: { items: { type: 'string' }, minItems: 1, maxItems: 2 }, values: [[], ['a'], ['a', 1], ['a', 'b', 'c']] },
  { schema: { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 1 }] }, values: ['a', 1, 0, null] },
  { schema: { oneOf: [{ type: 'integer' }, { type: 'number' }] }, values: [1, 1.5, 'a'] },
  { schema: { not: { type: 'string' } }, values: ['a', 1] },
  {
    schema: {
      if: { properties: { t: { const: 'A' } }, required: ['t'] },
      // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a thenable.
      then: { required: ['a'] },
      else: {},
    },
    values: [{ t: 'A', a: 1 }, { t: 'A' }, { t: 'B' }, {}],
  },
  {
    schema: { allOf: [{ $ref: '#/definitions/s' }, { minLength: 2 }], definitions: { s: { type: 'string' } } },
    values: ['ab', 'a', 1],
  },
];

describe('quick schema verdict', () => {
  it('agrees with ajv on every keyword it decides', () => {
    let decided = 0;
    for (const { schema, values, draft04 } of CASES) {
      const validate = (draft04 ? ajv04 : ajv07).compile(schema);
      const rule = new Compiler().rule(schema, schema);
      for (const value of values) {
        const quick = verdict(rule, value);
        if (quick === UNSURE) continue;
        decided++;
        expect(validate(value), `${JSON.stringify(schema)} on ${String(value)}`).toBe(quick === VALID);
      }
    }
    expect(decided).toBeGreaterThan(80);
  });

  it('leaves to ajv what it does not decide', () => {
    const unknownKeyword = { type: 'object', dependencies: { a: ['b'] } };
    expect(verdict(new Compiler().rule(unknownKeyword, unknownKeyword), { a: 1 })).toBe(UNSURE);
    const farRef = { $ref: 'other.json#/x' };
    expect(verdict(new Compiler().rule(farRef, farRef), 1)).toBe(UNSURE);
    const tuple = { items: [{ type: 'string' }] };
    expect(verdict(new Compiler().rule(tuple, tuple), ['a'])).toBe(UNSURE);
    // A wrong type is wrong whatever else the schema says.
    expect(verdict(new Compiler().rule(unknownKeyword, unknownKeyword), 'a')).toBe(INVALID);
  });
});
