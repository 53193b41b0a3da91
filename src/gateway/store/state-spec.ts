/**
 * Where the shared state lives, as plain data (a worker process can be handed it): `--state`, `--state-prefix`
 * and `--state-fail`, or `state:` in apig.yaml, the flags winning field by field. Only the address is ever
 * shown, its password masked (core/mask.ts).
 */
import { ApigError } from '../../core/errors.js';
import { maskSecret } from '../../core/mask.js';
import type { StateSetting } from '../../core/workspace-model.js';
import { secretProblem } from '../../workspace/secrets.js';

export type FailMode = 'open' | 'closed';
export const FAIL_MODES: readonly FailMode[] = ['open', 'closed'];
export const DEFAULT_PREFIX = 'apig:';

/** A Redis store: where it is, how it is reached, and how its keys begin. */
export interface RedisSpec {
  kind: 'redis';
  /** rediss:// */
  tls: boolean;
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  prefix: string;
  fail: FailMode;
}

/** The store to open: undefined is the default, in this process. */
export type StateSpec = RedisSpec | undefined;

/** What the flags say; each wins over the file's field of the same meaning. */
export interface StateFlags {
  /** `redis://…`, `rediss://…`, or `memory` (the in-process store, whatever apig.yaml says). */
  state?: string;
  statePrefix?: string;
  stateFail?: string;
}

/**
 * `redis://[user[:password]@]host[:port][/db]` (or `rediss://`), as node-redis and ioredis read it: user and
 * password percent-decoded, port 6379, database 0. Throws a usage error that shows the URL masked.
 */
export function parseRedisUrl(text: string, rest: Pick<RedisSpec, 'prefix' | 'fail'>): RedisSpec {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ApigError('usage', `the state store must be a redis:// or rediss:// URL, not ${quoted(maskUrl(text))}`);
  }
  const shown = maskUrl(text);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new ApigError('usage', `the state store must be a redis:// or rediss:// URL, not ${quoted(shown)}`);
  if (url.hostname === '') throw new ApigError('usage', `the state store URL ${shown} names no host`);
  const db = url.pathname === '' || url.pathname === '/' ? 0 : Number(url.pathname.slice(1));
  if (!Number.isInteger(db) || db < 0 || !/^\/?\d*$/.test(url.pathname))
    throw new ApigError('usage', `the state store URL ${shown}: the path must be a database number, as /0`);
  if (url.search !== '' || url.hash !== '')
    throw new ApigError('usage', `the state store URL ${shown}: apig reads no query or fragment`);
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return {
    kind: 'redis',
    tls: url.protocol === 'rediss:',
    // [::1] → ::1, as the socket wants it.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 6379 : Number(url.port),
    db,
    ...(username !== '' ? { username } : {}),
    ...(password !== '' ? { password } : {}),
    ...rest,
  };
}

/** The store's address as it may be shown: `redis://user:abc***@host:6379/0`. */
export function describeStore(spec: RedisSpec): string {
  const host = spec.host.includes(':') ? `[${spec.host}]` : spec.host;
  const user = spec.username !== undefined ? encodeURIComponent(spec.username) : '';
  const auth = spec.password !== undefined ? `${user}:${maskSecret(spec.password)}@` : user !== '' ? `${user}@` : '';
  return `${spec.tls ? 'rediss' : 'redis'}://${auth}${host}:${spec.port}/${spec.db}`;
}

/** A URL as written, its password masked (for messages about a URL that does not parse). */
export function maskUrl(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)([^@/]*)@/i, (_m, head: string, pw: string) => {
    let plain = pw;
    try {
      plain = decodeURIComponent(pw);
    } catch {
      // shown masked either way
    }
    return `${head}${maskSecret(plain)}@`;
  });
}

/** The store `apig serve` opens: the flags, else apig.yaml's `state:`, else the default (in this process). */
export function resolveStateSpec(flags: StateFlags, file: StateSetting | undefined): StateSpec {
  if (flags.stateFail !== undefined && !FAIL_MODES.includes(flags.stateFail as FailMode))
    throw new ApigError('usage', `--state-fail must be open or closed, not ${quoted(flags.stateFail)}`);
  if (flags.statePrefix === '') throw new ApigError('usage', '--state-prefix must not be empty');
  const rest = {
    prefix: flags.statePrefix ?? file?.prefix ?? DEFAULT_PREFIX,
    fail: (flags.stateFail as FailMode | undefined) ?? file?.fail ?? 'open',
  };
  if (flags.state === 'memory') return undefined;
  if (flags.state !== undefined) return parseRedisUrl(flags.state, rest);
  if (!file) {
    if (flags.statePrefix !== undefined || flags.stateFail !== undefined)
      throw new ApigError(
        'usage',
        '--state-prefix and --state-fail need a Redis store: --state redis://… or state: in apig.yaml',
      );
    return undefined;
  }
  const url = file.url.value;
  if (url === undefined)
    throw new ApigError(
      'config',
      `state.url in apig.yaml is unusable: ${secretProblem(file.url) ?? 'it has no value'}`,
    );
  const spec = parseRedisUrl(url, rest);
  if (file.password === undefined) return spec;
  if (file.password.value === undefined)
    throw new ApigError(
      'config',
      `state.password in apig.yaml is unusable: ${secretProblem(file.password) ?? 'it has no value'}`,
    );
  return { ...spec, password: file.password.value };
}

const quoted = (s: string): string => JSON.stringify(s);
