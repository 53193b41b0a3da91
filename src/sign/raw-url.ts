import { ApigError } from '../core/errors.js';
import { hostPort } from './chars.js';

/** A URL split without WHATWG normalisation: `new URL()` resolves `../` and drops `:443` (signing.md §3 pitfalls). */
export interface RawUrl {
  scheme: 'http' | 'https';
  /** `host[:port]` exactly as written: the default Host value (signing.md §3 step 2). */
  authority: string;
  /** Everything after the authority, before `?`/`#`; may be empty. */
  rawPath: string;
  /** Everything after the first `?`, before `#`; empty when there is none. */
  rawQuery: string;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

function invalid(url: string, why: string): never {
  throw new ApigError('input', `invalid URL "${url}": ${why} (expected http(s)://host[:port]/path?query)`);
}

/** Splits `http(s)://authority/path?query#fragment` verbatim; throws ApigError('input') with the reason. */
export function parseRawUrl(url: string): RawUrl {
  // Control characters in the path or query need no check here: the wire form percent-encodes them (wire.ts).
  // Plain prefix checks and indexOf scans instead of regexes: this runs once per signature (bench/sign.bench.mjs).
  let scheme: 'http' | 'https' = 'https';
  let start = 8;
  if (url.startsWith('http://')) {
    scheme = 'http';
    start = 7;
  } else if (!url.startsWith('https://')) {
    const m = SCHEME.exec(url);
    if (!m) return invalid(url, 'no scheme or host');
    const written = (m[1] ?? '').toLowerCase();
    if (written !== 'http' && written !== 'https') invalid(url, `unsupported scheme "${m[1]}"`);
    scheme = written as 'http' | 'https';
    start = m[0].length;
  }
  const hash = url.indexOf('#', start);
  const end = hash < 0 ? url.length : hash;
  const q = url.indexOf('?', start);
  const queryAt = q >= 0 && q < end ? q : -1;
  const beforeQuery = queryAt < 0 ? end : queryAt;
  const slash = url.indexOf('/', start);
  const authorityEnd = slash >= 0 && slash < beforeQuery ? slash : beforeQuery;
  const authority = url.slice(start, authorityEnd);
  if (authority === '') invalid(url, 'the host is empty');
  if (authority.includes('@')) invalid(url, 'user information in the URL is not supported; use --key/--secret');
  const port = hostPort(authority);
  if (port === undefined)
    invalid(url, `"${authority}" is not a valid host[:port] (write non-ASCII host names in their xn-- form)`);
  if (port !== '' && (Number(port) < 1 || Number(port) > 65535)) invalid(url, `port ${port} is out of range`);
  return {
    scheme,
    authority,
    rawPath: url.slice(authorityEnd, beforeQuery),
    rawQuery: queryAt < 0 ? '' : url.slice(queryAt + 1, end),
  };
}
