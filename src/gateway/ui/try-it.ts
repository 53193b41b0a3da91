/**
 * Try it: a request built on the page, sent through this gateway like any client's (so it shows in Live
 * requests), and signed here with an app of the workspace: the page names the app, never sees its secret.
 * Signing uses the gateway's clock, so a request signed under `--clock` is not refused as expired.
 */
import type { IncomingMessage } from 'node:http';
import { request } from 'undici';
import type { App } from '../../core/workspace-model.js';
import { signRequest } from '../../sign/index.js';
import { isUiTarget } from './hooks.js';
import { maskedPairs, maskHeaderValue } from './mask-headers.js';
import { BODY_BYTES, textPrefix } from './record.js';

export type TryAuth = 'none' | 'signature' | 'appcode';

export interface TryInput {
  method: string;
  /** `http://HOST[:PORT]/path?query`: HOST picks the group (as for any client); the request goes to this gateway. */
  url: string;
  headers: Array<[string, string]>;
  body: string;
  auth: TryAuth;
  /** The app whose credentials sign (auth `signature`) or whose first AppCode is sent (`appcode`). */
  app?: string;
}

export interface TryResult {
  sent: { method: string; target: string; headers: Array<[string, string]> };
  status: number;
  headers: Array<[string, string]>;
  body: string;
  /** That the body was cut (its first BODY_BYTES are shown; the rest was not read). */
  bodyNote?: string;
  requestId?: string;
}

/** A problem with the input: answered 400 with the message. */
export class TryProblem extends Error {}

/** An HTTP method (RFC 9110 token); CONNECT opens a tunnel, not a request. */
const TOKEN = /^(?!CONNECT$)[!#$%&'*+.^_`|~0-9A-Z-]+$/;

/** At most `limit` bytes of a body; the rest is not read (the stream is destroyed), so no answer fills memory. */
async function firstBytes(body: AsyncIterable<Buffer> & { destroy(): unknown }, limit: number) {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const c of body) {
    const part = c.subarray(0, limit - kept);
    chunks.push(part);
    kept += part.length;
    if (kept >= limit) {
      body.destroy();
      return { bytes: Buffer.concat(chunks), cut: true };
    }
  }
  return { bytes: Buffer.concat(chunks), cut: false };
}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new TryProblem(`${what} must be a string`);
  return v;
}

/** The page's JSON as a TryInput, or a TryProblem. */
export function tryInput(body: unknown): TryInput {
  if (typeof body !== 'object' || body === null) throw new TryProblem('the body must be a JSON object');
  const o = body as Record<string, unknown>;
  const headers = o.headers ?? [];
  if (!Array.isArray(headers) || !headers.every((h) => Array.isArray(h) && h.length === 2))
    throw new TryProblem('headers must be a list of [name, value] pairs');
  const auth = o.auth ?? 'none';
  if (auth !== 'none' && auth !== 'signature' && auth !== 'appcode')
    throw new TryProblem('auth must be "none", "signature" or "appcode"');
  const method = str(o.method ?? 'GET', 'method').toUpperCase();
  if (!TOKEN.test(method)) throw new TryProblem(`${JSON.stringify(method)} is not an HTTP method`);
  return {
    method,
    url: str(o.url, 'url'),
    headers: (headers as unknown[][]).map(([n, v]) => [str(n, 'a header name'), str(v, 'a header value')]),
    body: str(o.body ?? '', 'body'),
    auth,
    ...(o.app !== undefined && o.app !== '' ? { app: str(o.app, 'app') } : {}),
  };
}

function credentials(input: TryInput, apps: readonly App[]): App | undefined {
  if (input.auth === 'none') return undefined;
  if (input.app === undefined)
    throw new TryProblem(`choose an app to ${input.auth === 'signature' ? 'sign' : 'call'} with`);
  const app = apps.find((a) => a.name === input.app);
  if (!app) throw new TryProblem(`no app named ${input.app} in the workspace`);
  return app;
}

/** Sends `input` to the gateway listening at `listening` (`http://ADDRESS:PORT`). */
export async function tryIt(input: TryInput, apps: readonly App[], listening: string, now: number): Promise<TryResult> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new TryProblem(`${JSON.stringify(input.url)} is not a URL (http://HOST:PORT/path)`);
  }
  if (url.protocol !== 'http:') throw new TryProblem('Try it sends over HTTP');
  const target = `${url.pathname}${url.search}`;
  if (isUiTarget(target)) throw new TryProblem('Try it sends requests to the APIs, not to the dashboard');
  const headers: Array<[string, string]> = input.headers.filter(([n]) => n.trim() !== '');
  const app = credentials(input, apps);
  let sent: Array<[string, string]>;
  let wireTarget = target;
  if (app && input.auth === 'signature') {
    const secret = app.secret.value;
    if (secret === undefined) throw new TryProblem(`the AppSecret of app ${app.name} is not usable (unset or empty)`);
    const signed = signRequest({
      method: input.method,
      url: `http://${url.host}${target}`,
      headers,
      body: input.body,
      key: app.key,
      secret,
      now: new Date(now),
    });
    sent = signed.headers;
    wireTarget = signed.wire.target;
  } else {
    sent = [...headers];
    if (!sent.some(([n]) => n.toLowerCase() === 'host')) sent.push(['Host', url.host]);
    if (app) {
      const code = app.appCodes.find((c) => c.value !== undefined)?.value;
      if (code === undefined) throw new TryProblem(`app ${app.name} has no usable AppCode`);
      sent.push(['X-Apig-AppCode', code]);
    }
  }
  if (isUiTarget(wireTarget)) throw new TryProblem('Try it sends requests to the APIs, not to the dashboard');
  let res: Awaited<ReturnType<typeof request>>;
  try {
    res = await request(`${listening}${wireTarget}`, {
      method: input.method as 'GET',
      headers: sent.flat(),
      body: input.body === '' || input.method === 'GET' || input.method === 'HEAD' ? null : input.body,
    });
  } catch (err) {
    // undici refuses what HTTP cannot carry (a line break in a header, a bad header name): the input's fault.
    if ((err as { code?: unknown }).code === 'UND_ERR_INVALID_ARG') throw new TryProblem((err as Error).message);
    throw err;
  }
  const { bytes, cut } = await firstBytes(res.body, BODY_BYTES);
  const requestId = res.headers['x-request-id'];
  return {
    sent: {
      method: input.method,
      target: wireTarget,
      headers: sent.map(([n, v]): [string, string] => [n, maskHeaderValue(n, v)]),
    },
    status: res.statusCode,
    headers: maskedPairs(res.headers),
    body: cut ? textPrefix(bytes) : bytes.toString('utf8'),
    ...(cut ? { bodyNote: `the first ${BODY_BYTES} bytes; the rest was not read` } : {}),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
}

/** The request's body as JSON (at most 1 MB). */
export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1 << 20) {
        reject(new TryProblem('the body is over 1 MB'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new TryProblem('the body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}
