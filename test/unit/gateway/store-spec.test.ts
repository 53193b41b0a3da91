/**
 * Where the shared state lives (`--state`, `--state-prefix`, `--state-fail`, apig.yaml `state:`): URLs as
 * node-redis and ioredis read them, the flags winning field by field, `${ENV}` secrets, a password never shown;
 * and the key layout's escaping of what clients choose.
 */
import { describe, expect, it } from 'vitest';
import { ApigError } from '../../../src/core/errors.js';
import type { StateSetting } from '../../../src/core/workspace-model.js';
import { counterKey, keyPart, lockKey } from '../../../src/gateway/store/redis-keys.js';
import { describeStore, maskUrl, parseRedisUrl, resolveStateSpec } from '../../../src/gateway/store/state-spec.js';
import { resolveSecret } from '../../../src/workspace/secrets.js';

const rest = { prefix: 'apig:', fail: 'open' as const };

describe('parseRedisUrl', () => {
  it('host, port, database, user and password (percent-decoded); defaults 6379 and 0; rediss is TLS', () => {
    expect(parseRedisUrl('redis://127.0.0.1', rest)).toEqual({
      kind: 'redis',
      tls: false,
      host: '127.0.0.1',
      port: 6379,
      db: 0,
      ...rest,
    });
    expect(parseRedisUrl('rediss://apig:p%40ss@cache.internal:6380/3', rest)).toMatchObject({
      tls: true,
      host: 'cache.internal',
      port: 6380,
      db: 3,
      username: 'apig',
      password: 'p@ss',
    });
    expect(parseRedisUrl('redis://:only-a-password@[::1]:7000/', rest)).toMatchObject({
      host: '::1',
      port: 7000,
      db: 0,
      password: 'only-a-password',
    });
  });

  it('refuses what is not a Redis URL, showing it with its password masked', () => {
    const refused = (url: string): string => {
      try {
        parseRedisUrl(url, rest);
      } catch (err) {
        expect(err).toBeInstanceOf(ApigError);
        return (err as Error).message;
      }
      throw new Error(`accepted ${url}`);
    };
    expect(refused('http://u:supersecret@host:80')).toBe(
      'the state store must be a redis:// or rediss:// URL, not "http://u:sup***@host:80"',
    );
    expect(refused('redis://:supersecret@host/x')).toContain('the path must be a database number');
    expect(refused('redis://:supersecret@host/x')).not.toContain('supersecret');
    expect(refused('redis://host:6379/0?password=x')).toContain('apig reads no query');
    expect(refused('not a url')).toContain('not "not a url"');
  });
});

describe('describeStore and maskUrl', () => {
  it('never show the password: its first 3 characters at most (core/mask.ts)', () => {
    expect(describeStore(parseRedisUrl('redis://apig:correct-horse@h:1/2', rest))).toBe('redis://apig:cor***@h:1/2');
    expect(describeStore(parseRedisUrl('rediss://:short@[::1]', rest))).toBe('rediss://:***@[::1]:6379/0');
    expect(describeStore(parseRedisUrl('redis://user@h', rest))).toBe('redis://user@h:6379/0');
    expect(maskUrl('redis://:correct-horse@h')).toBe('redis://:cor***@h');
    expect(maskUrl('redis://h:6379')).toBe('redis://h:6379');
  });
});

describe('resolveStateSpec', () => {
  const file = (s: Partial<Record<'url' | 'password', string>> & Omit<StateSetting, 'url' | 'password'>) => ({
    url: resolveSecret(s.url ?? 'redis://file-host:6379/1', { REDIS_URL: 'redis://env-host:6390', PW: 'from-env' }),
    ...(s.password !== undefined ? { password: resolveSecret(s.password, { PW: 'from-env' }) } : {}),
    ...(s.prefix !== undefined ? { prefix: s.prefix } : {}),
    ...(s.fail !== undefined ? { fail: s.fail } : {}),
  });

  it('nothing said: the memory store (undefined)', () => {
    expect(resolveStateSpec({}, undefined)).toBeUndefined();
  });

  it('the file: its URL (${ENV} allowed), password, prefix and fail mode', () => {
    expect(resolveStateSpec({}, file({ password: '${PW}', prefix: 'apig:shop:', fail: 'closed' }))).toMatchObject({
      host: 'file-host',
      db: 1,
      password: 'from-env',
      prefix: 'apig:shop:',
      fail: 'closed',
    });
    expect(resolveStateSpec({}, file({ url: '${REDIS_URL}' }))).toMatchObject({
      host: 'env-host',
      port: 6390,
      prefix: 'apig:',
      fail: 'open',
    });
  });

  it('the flags win field by field; --state memory wins over the file', () => {
    const f = file({ prefix: 'apig:shop:', fail: 'closed' });
    expect(resolveStateSpec({ state: 'redis://flag-host' }, f)).toMatchObject({
      host: 'flag-host',
      prefix: 'apig:shop:',
      fail: 'closed',
    });
    expect(resolveStateSpec({ statePrefix: 'x:', stateFail: 'open' }, f)).toMatchObject({
      host: 'file-host',
      prefix: 'x:',
      fail: 'open',
    });
    expect(resolveStateSpec({ state: 'memory' }, f)).toBeUndefined();
  });

  it('an unusable ${ENV} in state: is a configuration error naming the variable, never a value', () => {
    expect(() => resolveStateSpec({}, file({ url: '${NOPE}' }))).toThrow(
      'state.url in apig.yaml is unusable: NOPE is not set',
    );
    expect(() => resolveStateSpec({}, file({ password: '${MISSING_PW}' }))).toThrow(
      'state.password in apig.yaml is unusable: MISSING_PW is not set',
    );
    expect(() => resolveStateSpec({}, file({ url: 'redis://:${PW}@h' }))).toThrow(/not as one whole \$\{NAME\}/);
  });

  it('--state-prefix or --state-fail without a store, an empty prefix, a bad mode: usage errors', () => {
    expect(() => resolveStateSpec({ statePrefix: 'x:' }, undefined)).toThrow(/need a Redis store/);
    expect(() => resolveStateSpec({ state: 'redis://h', statePrefix: '' }, undefined)).toThrow(/must not be empty/);
    expect(() => resolveStateSpec({ state: 'redis://h', stateFail: 'maybe' }, undefined)).toThrow(/open or closed/);
  });
});

describe('key layout', () => {
  it('plain parts stay readable; everything else is percent-encoded, so no client writes a : or a glob', () => {
    expect(counterKey('apig:', 'throttle|p|RELEASE|api1|ip|10.0.0.1', 1767225600000)).toBe(
      'apig:c:throttle|p|RELEASE|api1|ip|10.0.0.1:1767225600000',
    );
    expect(keyPart('2001:db8::1')).toBe('2001%3Adb8%3A%3A1');
    expect(keyPart('%3A')).toBe('%253A');
    expect(keyPart('a b*?[]\\\r\n')).toBe('a%20b%2A%3F%5B%5D%5C%0D%0A');
    expect(keyPart('雪')).toBe('%E9%9B%AA');
    expect(lockKey('apig:', 'AK:*')).toBe('apig:lock:AK%3A%2A');
  });

  it('a part over 200 bytes is kept as its SHA-256: one key per value, of bounded length', () => {
    const long = keyPart('k'.repeat(500));
    expect(long).toMatch(/^%sha256=[0-9a-f]{64}$/);
    expect(keyPart(`${'k'.repeat(499)}j`)).not.toBe(long);
  });
});
