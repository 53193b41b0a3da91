/**
 * `apig sign --send`: puts the prepared request on the wire and describes a failure to connect as data, so that
 * `--json` can report it in the same document as the signing fields.
 */
import type { Dispatcher } from 'undici';
import { maskSecret } from '../../sign/index.js';

/** What `--send` puts on the wire (the fields of the prepared request it needs). */
export interface Outgoing {
  method: string;
  origin: string;
  target: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

export interface SendResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request that got no response: `code` is the system or undici code (`ECONNREFUSED`, `UND_ERR_CONNECT_TIMEOUT`…). */
export interface SendFailure {
  code: string;
  message: string;
}

/** How an HTTPS server is trusted: a CA certificate to add (--cacert), or none checked (-k). */
export interface TlsTrust {
  ca?: Buffer;
  insecure?: boolean;
}

export async function send(p: Outgoing, trust: TlsTrust = {}): Promise<SendResult> {
  // Loaded on use, for a fast start. Dispatcher.request sends `path` as given; the top-level request() would
  // re-normalise it through new URL().
  const { Agent, getGlobalDispatcher } = await import('undici');
  const custom = trust.ca !== undefined || trust.insecure === true;
  const dispatcher = custom
    ? new Agent({ connect: { ...(trust.ca ? { ca: trust.ca } : {}), rejectUnauthorized: trust.insecure !== true } })
    : getGlobalDispatcher();
  try {
    return await request(dispatcher, p);
  } finally {
    if (custom) await dispatcher.close();
  }
}

async function request(dispatcher: Dispatcher, p: Outgoing): Promise<SendResult> {
  const res = await dispatcher.request({
    origin: p.origin,
    path: p.target,
    method: p.method as Dispatcher.HttpMethod,
    headers: Object.fromEntries(p.headers),
    ...(p.body.length > 0 ? { body: p.body } : {}),
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: Buffer.from(await res.body.arrayBuffer()).toString('utf8'),
  };
}

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * The code and message of a send failure. Node reports a refused dual-stack connect as an AggregateError whose
 * own message may be empty; its first inner error says what happened. Any credential that appears in the text
 * (an error may quote a header value) is masked like everywhere else.
 */
export function sendFailure(err: unknown, secrets: readonly string[]): SendFailure {
  const inner = err instanceof AggregateError ? (err.errors as unknown[]) : [];
  const cause = err instanceof Error ? err.cause : undefined;
  const code =
    codeOf(err) ??
    inner.map(codeOf).find((c) => c !== undefined) ??
    codeOf(cause) ??
    (err instanceof Error ? err.name : 'Error');
  let message = err instanceof Error ? err.message : String(err);
  if (message === '')
    message = inner
      .map((e) => (e instanceof Error ? e.message : String(e)))
      .filter((m) => m !== '')
      .join('; ');
  if (message === '') message = code;
  // Values under 4 characters are skipped: replacing them everywhere would garble the message (an address, a port).
  for (const s of secrets) if (s.length >= 4) message = message.split(s).join(maskSecret(s));
  return { code, message };
}
