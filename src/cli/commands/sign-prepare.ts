/**
 * The request `apig sign` prints or sends, whatever the auth mode: the method, target and headers, with the
 * SDK-HMAC-SHA256 trace when it signs (src/sign holds the algorithm).
 */
import { ApigError } from '../../core/errors.js';
import {
  appCodeHeaders,
  appSecretHeaders,
  basicHeaders,
  canonicalQuery,
  parseHeaderLine,
  parseRawUrl,
  requestTarget,
  signRequest,
  tokenHeaders,
  wirePath,
  type CurlBody,
  type ModeHeaders,
  type SignTrace,
} from '../../sign/index.js';
import type { Io } from '../io.js';
import type { SignFlags } from './sign-flags.js';
import { credentials } from './sign-credentials.js';
import { authMode, checkDate, readBody } from './sign-input.js';

/** The request to print or send, whatever the auth mode. */
export interface Prepared {
  method: string;
  origin: string;
  target: string;
  headers: Array<[string, string]>;
  /** The headers the chosen auth mode adds: the default output. */
  added: Array<[string, string]>;
  /** Names whose values are credentials: masked whenever printed. */
  secretHeaders: string[];
  body: Buffer;
  curlBody: CurlBody;
  creds?: { key: string; secret: string };
  trace?: SignTrace;
}

const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export async function prepare(url: string, flags: SignFlags, io: Io): Promise<Prepared> {
  const mode = authMode(flags);
  const raw = parseRawUrl(url);
  const headers = flags.header.map(parseHeaderLine);
  const date = checkDate(flags.date);
  const { body, curl } = await readBody(flags, io);
  const method = (flags.request ?? (body.length > 0 || flags.data.length > 0 ? 'POST' : 'GET')).toUpperCase();
  if (!METHOD.test(method)) throw new ApigError('usage', `invalid method "${flags.request}"`);
  const origin = `${raw.scheme}://${raw.authority}`;
  if (mode === 'signature') {
    const { key, secret } = await credentials(flags, io);
    const signedHeaders = flags.signedHeaders
      ?.split(/[;,]/)
      .map((n) => n.trim())
      .filter((n) => n !== '');
    const trace = signRequest({
      method,
      url,
      body,
      key,
      secret,
      headers,
      ...(date !== undefined ? { date } : {}),
      ...(signedHeaders !== undefined ? { signedHeaders } : {}),
      ...(flags.unsignedPayload ? { unsignedPayload: true } : {}),
    });
    return {
      method,
      origin,
      target: trace.wire.target,
      headers: trace.headers,
      added: trace.added,
      secretHeaders: [],
      body,
      curlBody: curl,
      creds: { key, secret },
      trace,
    };
  }
  const needsKey = mode === 'app-secret' || mode === 'basic';
  const creds = needsKey ? await credentials(flags, io) : undefined;
  const extra: ModeHeaders =
    mode === 'appcode'
      ? appCodeHeaders(flags.appcode ?? '')
      : mode === 'token'
        ? tokenHeaders(flags.token ?? '')
        : mode === 'basic'
          ? basicHeaders(creds?.key ?? '', creds?.secret ?? '')
          : appSecretHeaders(creds?.key ?? '', creds?.secret ?? '');
  const target = requestTarget(wirePath(raw.rawPath), canonicalQuery(raw.rawQuery));
  const hasHost = headers.some(([n]) => n.toLowerCase() === 'host');
  const all: Array<[string, string]> = [
    ...headers,
    ...(hasHost ? [] : [['Host', raw.authority] as [string, string]]),
    ...extra.headers,
  ];
  return {
    method,
    origin,
    target,
    headers: all,
    added: extra.headers,
    secretHeaders: extra.secretHeaders,
    body,
    curlBody: curl,
    ...(creds ? { creds } : {}),
  };
}
