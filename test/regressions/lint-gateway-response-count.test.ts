/**
 * gateway-response: a group with more than four custom gateway responses besides `default` linted clean,
 * although a group holds at most four (ResponsesCreate limits; the console answers "The number of responses
 * exceeds the maximum allowed limit", APIG.3136). Right: the fifth is reported on x-apigateway-responses.
 */
import { describe, expect, it } from 'vitest';
import { lintText, op, spec } from '../unit/lint/harness.js';

const messages = async (names: string[]): Promise<string[]> => {
  const root = `x-apigateway-responses:\n${names.map((n) => `  ${n}: {THROTTLED: {status: 429}}\n`).join('')}`;
  const { findings } = await lintText({ spec: spec(op(), root) });
  return findings.filter((f) => f.code === 'gateway-response').map((f) => f.message);
};

describe('custom gateway responses per group', () => {
  it('default and four custom ones', async () => {
    expect(await messages(['default', 'r_one', 'r_two', 'r_three', 'r_four'])).toEqual([]);
  });

  it('five custom ones', async () => {
    expect(await messages(['default', 'r_one', 'r_two', 'r_three', 'r_four', 'r_five'])).toEqual([
      '5 gateway responses besides default; a group has at most 4',
    ]);
  });
});
