import { ApigError } from '../core/errors.js';

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

const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/s;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[^\s[\]:@/?#<>"{}|\\^`]+)(?::(\d{1,5}))?$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Splits `http(s)://authority/path?query#fragment` verbatim; throws ApigError('input') with the reason. */
export function parseRawUrl(url: string): RawUrl {
  const fail = (why: string): never => {
    throw new ApigError('input', `invalid URL "${url}": ${why} (expected http(s)://host[:port]/path?query)`);
  };
  if (CONTROL.test(url)) fail('it contains a control character');
  const m = URL_SHAPE.exec(url);
  if (!m) return fail('no scheme or host');
  const scheme = (m[1] ?? '').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') fail(`unsupported scheme "${m[1]}"`);
  const authority = m[2] ?? '';
  if (authority === '') fail('the host is empty');
  if (authority.includes('@')) fail('user information in the URL is not supported; use --key/--secret');
  const host = HOST.exec(authority);
  if (!host) fail(`"${authority}" is not a valid host[:port]`);
  const port = host?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) fail(`port ${port} is out of range`);
  return { scheme: scheme as 'http' | 'https', authority, rawPath: m[3] ?? '', rawQuery: m[4] ?? '' };
}
