import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../src/core/workspace-model.js';
import { scrubberFor } from '../../../src/gateway/ui/scrub.js';

const secret = (value: string) => ({ written: value, value });

function workspace(): Workspace {
  return {
    apps: [
      {
        name: 'a',
        id: 'a',
        key: 'key-a',
        secret: secret('s3cr3t"with\\quote'),
        appCodes: [secret('code-1234')],
        authorize: {},
      },
    ],
    iam: { tokens: [], aksk: [{ ak: 'AK1', sk: secret('sk-value-1'), user: 'u', domain: 'd' }] },
    signatureKeys: [{ name: 'k', type: 'basic', key: 'gw', secret: secret('pw'), bind: {} }],
  } as unknown as Workspace;
}

describe('the secret scrubber', () => {
  const scrub = scrubberFor(workspace());

  it('replaces each secret, as it appears inside JSON strings, by its masked form', () => {
    const text = JSON.stringify({ a: 'x s3cr3t"with\\quote y', b: ['code-1234'], c: 'sk-value-1' });
    const out = scrub(text);
    expect(JSON.parse(out)).toEqual({ a: 'x s3c*** y', b: ['cod***'], c: 'sk-***' });
  });

  it('replaces Basic credentials made of a key and its secret', () => {
    const basic = Buffer.from('AK1:sk-value-1').toString('base64');
    expect(scrub(JSON.stringify({ h: `Basic ${basic}` }))).toBe(JSON.stringify({ h: `Basic ${basic.slice(0, 3)}***` }));
  });

  it('masks a secret too short to search for only where it is a whole string', () => {
    expect(scrub(JSON.stringify({ p: 'pw', q: 'pwd' }))).toBe('{"p":"***","q":"pwd"}');
  });
});
