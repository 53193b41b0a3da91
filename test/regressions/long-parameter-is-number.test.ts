/**
 * Regression: the gateway validated only `integer`/`number` parameters as Number, while lint (and the
 * documentation: integer, long, float, double → Number) knew more; both now use core `paramType`.
 */
import { describe, expect, it } from 'vitest';
import { paramType } from '../../src/core/defaults.js';
import { isNumberParam, violation } from '../../src/gateway/request/stages/params.js';
import type { Param } from '../../src/core/model.js';

const param = (swaggerType: string): Param => ({ name: 'n', location: 'QUERY', swaggerType });

describe('Swagger numeric types are APIG Numbers everywhere', () => {
  it.each(['integer', 'number', 'long', 'float', 'double'])('%s', (t) => {
    expect(paramType(param(t))).toBe('NUMBER');
    expect(isNumberParam(param(t))).toBe(true);
    expect(violation(param(t), 'abc')).toContain('is not a Number');
  });

  it('string and boolean are Strings; other types have no APIG type', () => {
    expect(paramType(param('string'))).toBe('STRING');
    expect(paramType(param('boolean'))).toBe('STRING');
    expect(paramType(param('array'))).toBeUndefined();
  });
});
