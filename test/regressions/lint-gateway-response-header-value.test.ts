/**
 * gateway-response: a response header whose value was empty or longer than 1024 characters linted clean,
 * although gateway-response headers take values of 1–1024 characters (ResponsesCreate / ResponseInfo
 * headers). Right: such a value is reported on the header.
 */
import { describe, expect, it } from 'vitest';
import { lintText, op, spec } from '../unit/lint/harness.js';

const messages = async (value: string): Promise<string[]> => {
  const { findings } = await lintText({
    spec: spec(
      op(),
      `x-apigateway-responses:\n  default:\n    THROTTLED: {status: 429, headers: {X-Retry: "${value}"}}\n`,
    ),
  });
  return findings.filter((f) => f.code === 'gateway-response').map((f) => f.message);
};

describe('gateway response header values', () => {
  it.each([1, 1024])('%i characters', async (n) => {
    expect(await messages('v'.repeat(n))).toEqual([]);
  });

  it.each([0, 1025])('%i characters', async (n) => {
    expect(await messages('v'.repeat(n))).toEqual([`header X-Retry: the value must be 1–1024 characters, not ${n}`]);
  });
});
