/**
 * cors-preflight: a CORS API whose custom authorizer reads its identity source from a header (e.g.
 * X-Token) linted clean without an OPTIONS API, although every caller must send that header, which makes the
 * browser send a preflight (API Gateway User Guide, 5.2.2 CORS: headers outside the simple set; 5.8.1: identity
 * sources). Right: the header identity source is a reason for a preflight, like a custom header parameter; a
 * query identity source or a simple header is not.
 */
import { describe, expect, it } from 'vitest';
import { lintText, op, spec } from '../unit/lint/harness.js';

const messages = async (location: string, name: string): Promise<string[]> => {
  const root = `\nsecurityDefinitions:\n  id_auth:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer: {type: FRONTEND, authorizer_type: FUNC, authorizer_uri: "urn:x", identities: [{name: ${name}, location: ${location}}]}\n`;
  const { findings } = await lintText({
    spec: spec(op({ extra: '      x-apigateway-cors: true\n      security: [{id_auth: []}]\n' }), root),
  });
  return findings.filter((f) => f.code === 'cors-preflight').map((f) => f.message);
};

describe('a custom authorizer identity source and CORS', () => {
  it('a header identity source needs a preflight', async () => {
    expect(await messages('HEADER', 'X-Token')).toEqual([
      expect.stringContaining(
        'browsers will send a preflight (identity source header X-Token of the custom authorizer)',
      ),
    ]);
  });

  it.each([
    ['QUERY', 'token'],
    ['HEADER', 'Accept'],
  ])('a %s identity source %s does not', async (location, name) => {
    expect(await messages(location, name)).toEqual([]);
  });
});
