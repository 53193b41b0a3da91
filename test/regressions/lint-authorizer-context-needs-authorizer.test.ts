/**
 * backend-parameters: a SYSTEM backend parameter `$context.authorizer.frontend.<key>` on an API without a
 * front-end custom authorizer linted clean, although the gateway refuses it ("Only APIs with authorizer can
 * have authorizer parameters", APIG.2036, API Gateway FAQ 2021, 7.10) and the value could never be set (the
 * front-end authentication parameters are selectable only for custom authentication, API Gateway User
 * Guide, 5.2.1 Creating an API, step 5). Right: it is reported; with custom or dual authentication it is not.
 */
import { describe, expect, it } from 'vitest';
import { lintText, op, spec } from '../unit/lint/harness.js';
import { HTTP, SCHEMES } from '../unit/lint/snippets.js';

const messages = async (security: string): Promise<string[]> => {
  const backend = `        parameters:\n          - {name: X-User, value: "$context.authorizer.frontend.user_id", in: HEADER, origin: SYSTEM}\n${HTTP()}`;
  const extra = security ? `      security: [{${security}}]\n` : '';
  const { findings } = await lintText({ spec: spec(op({ backend, extra }), SCHEMES) });
  return findings.filter((f) => f.code === 'backend-parameters').map((f) => f.message);
};

describe('authorizer context as a backend parameter', () => {
  it.each(['', 'apig-auth-app: []', 'apig-auth-iam: []'])(
    'needs a front-end authorizer (security: %s)',
    async (security) => {
      expect(await messages(security)).toEqual([expect.stringContaining('needs custom (or dual) authentication')]);
    },
  );

  it.each(['my_auth: []', 'apig-auth-app: [], my_auth: []'])('is fine with one (security: %s)', async (security) => {
    expect(await messages(security)).toEqual([]);
  });
});
