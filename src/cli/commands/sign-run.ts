/**
 * What `apig sign [options] <url>` runs: curl-like flags in, SDK-HMAC-SHA256 headers, a debug trace, a sent request or a
 * signature diagnosis out (issue 3). The algorithm lives in src/sign; this file reads input, calls it and renders.
 * It is longer than most because curl's option surface is wide; every function does one of those steps.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApigError } from '../../core/errors.js';
import {
  appCodeHeaders,
  appSecretHeaders,
  basicHeaders,
  canonicalQuery,
  curlCommand,
  explainGatewayError,
  maskHeaders,
  maskSecret,
  parseHeaderLine,
  parseRawUrl,
  parseSdkDate,
  requestTarget,
  signRequest,
  tokenHeaders,
  wirePath,
  type AuthMode,
  type CurlBody,
  type Explanation,
  type ModeHeaders,
  type SignTrace,
} from '../../sign/index.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { send, sendFailure, type SendResult } from './sign-send.js';

export interface SignFlags {
  /** The global --allow-remote-refs, for the workspace --app reads. */
  allowRemoteRefs?: boolean;
  request?: string;
  header: string[];
  data: string[];
  dataBinary?: string;
  key?: string;
  secret?: string;
  app?: string;
  workspace?: string;
  date?: string;
  unsignedPayload?: boolean;
  signedHeaders?: string;
  appcode?: string;
  appSecretHeaders?: boolean;
  basic?: boolean;
  token?: string;
  debug?: boolean;
  json?: boolean;
  send?: boolean;
  explain?: string;
}

/** The request to print or send, whatever the auth mode. */
interface Prepared {
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

/** `@-`/`-` is standard input; `@FILE` is read relative to the working directory. */
async function readSource(spec: string, what: string, io: Pick<Io, 'cwd' | 'readStdin'>): Promise<Buffer> {
  if (spec === '@-' || spec === '-') return io.readStdin();
  const file = spec.slice(1);
  try {
    return await readFile(resolve(io.cwd, file));
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String(err.code) : String(err);
    throw new ApigError('io', `cannot read ${what} file "${file}" (${reason})`);
  }
}

/** `--data-binary @FILE|@-|text`, or `-d` (repeatable, joined with `&` like curl; `-d @FILE` is read verbatim). */
async function readBody(flags: SignFlags, io: Io): Promise<{ body: Buffer; curl: CurlBody }> {
  if (flags.dataBinary !== undefined && flags.data.length > 0)
    throw new ApigError('usage', 'use either -d/--data or --data-binary, not both');
  const spec = flags.dataBinary ?? (flags.data.length === 1 ? flags.data[0] : undefined);
  if (spec?.startsWith('@')) {
    const name = flags.dataBinary !== undefined ? '--data-binary' : '-d';
    return { body: await readSource(spec, name, io), curl: { kind: 'file', path: spec.slice(1) } };
  }
  if (spec !== undefined) return { body: Buffer.from(spec, 'utf8'), curl: { kind: 'text', text: spec } };
  if (flags.data.length === 0) return { body: Buffer.alloc(0), curl: { kind: 'none' } };
  const parts = await Promise.all(
    flags.data.map((d) => (d.startsWith('@') ? readSource(d, '-d', io) : Buffer.from(d, 'utf8'))),
  );
  const body = Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from('&'), p])));
  return { body, curl: { kind: 'text', text: body.toString('utf8') } };
}

function authMode(flags: SignFlags): AuthMode {
  const chosen = (
    [
      ['appcode', flags.appcode !== undefined],
      ['app-secret', flags.appSecretHeaders],
      ['basic', flags.basic],
      ['token', flags.token !== undefined],
    ] as const
  ).filter(([, on]) => on);
  if (chosen.length > 1)
    throw new ApigError('usage', `choose one authentication mode, not ${chosen.map(([m]) => m).join(' and ')}`);
  if (chosen.length === 1 && flags.explain !== undefined)
    throw new ApigError('usage', '--explain only applies to SDK-HMAC-SHA256 signatures');
  return chosen[0]?.[0] ?? 'signature';
}

/** The key and secret of an app (or an IAM AK/SK pair, by AK or user) declared in the workspace. */
async function workspaceCredentials(
  name: string,
  flags: SignFlags,
  io: Io,
): Promise<{ key: string; secret: string | undefined }> {
  // Loaded on demand: the workspace pulls in the Swagger toolchain, which plain signing does not need.
  const { loadWorkspace } = await import('../../workspace/load.js');
  const loaded = await loadWorkspace(flags.workspace, {
    cwd: io.cwd,
    env: io.env,
    allowRemoteRefs: flags.allowRemoteRefs === true,
  });
  const ws = loaded.workspace;
  if (!ws)
    throw new ApigError(
      'config',
      'the workspace has errors; --app cannot read it',
      loaded.diagnostics.filter((d) => d.severity === 'error'),
    );
  const app = ws.apps.find((a) => a.name === name);
  const aksk = ws.iam.aksk.find((a) => a.ak === name || a.user === name);
  const found = app
    ? { key: app.key, secret: app.secret, what: `app ${name}` }
    : aksk
      ? { key: aksk.ak, secret: aksk.sk, what: `IAM AK ${aksk.ak}` }
      : undefined;
  if (!found) {
    const known = [...ws.apps.map((a) => a.name), ...ws.iam.aksk.map((a) => a.ak)];
    throw new ApigError(
      'usage',
      `no app or IAM AK/SK named ${name} in ${ws.file}; known: ${known.join(', ') || '(none)'}`,
    );
  }
  if (found.secret.value === undefined && flags.secret === undefined) {
    // An unset or empty secret signs nothing: a request signed with '' would only fail at the gateway.
    const fix =
      found.secret.fromEnv !== undefined
        ? `set ${found.secret.fromEnv}, or pass --secret`
        : 'write it in apig.yaml, or pass --secret';
    throw new ApigError('config', `the secret of ${found.what} is ${found.secret.problem}: ${fix}`);
  }
  return { key: found.key, secret: found.secret.value };
}

/** --key/--secret, else the app named by --app in the workspace, else APIG_KEY/APIG_SECRET. */
async function credentials(flags: SignFlags, io: Io): Promise<{ key: string; secret: string }> {
  let key = flags.key;
  let secret = flags.secret;
  if (flags.app !== undefined && (key === undefined || secret === undefined)) {
    const fromApp = await workspaceCredentials(flags.app, flags, io);
    key ??= fromApp.key;
    secret ??= fromApp.secret;
  }
  key ??= io.env.APIG_KEY;
  secret ??= io.env.APIG_SECRET;
  if (key === undefined || key === '')
    throw new ApigError('usage', 'no key: pass --key, set APIG_KEY, or use --app NAME');
  if (secret === undefined || secret === '')
    throw new ApigError('usage', 'no secret: pass --secret, set APIG_SECRET, or use --app NAME');
  return { key, secret };
}

function checkDate(date: string | undefined): string | undefined {
  if (date !== undefined && !parseSdkDate(date)) {
    throw new ApigError('usage', `invalid --date "${date}": expected YYYYMMDDTHHMMSSZ in UTC, e.g. 20240315T083000Z`);
  }
  return date;
}

async function prepare(url: string, flags: SignFlags, io: Io): Promise<Prepared> {
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

function curlFor(p: Prepared): string {
  return curlCommand({
    method: p.method,
    url: p.origin + p.target,
    headers: maskHeaders(p.headers, p.secretHeaders),
    body: p.curlBody,
  });
}

function debugText(p: Prepared): string {
  const block = (title: string, text: string): string => `-----${title}-----\n${text}\n`;
  const t = p.trace;
  const creds = p.creds ? `key: ${p.creds.key}\nsecret: ${maskSecret(p.creds.secret)}` : '';
  const head = t
    ? block('canonicalRequest', t.canonicalRequest) +
      block('stringToSign', t.stringToSign) +
      block('authorization', t.authorization)
    : block(
        'headers',
        maskHeaders(p.headers, p.secretHeaders)
          .map(([n, v]) => `${n}: ${v}`)
          .join('\n'),
      );
  return head + (creds ? block('credentials', creds) : '') + block('curl', curlFor(p));
}

function jsonOf(p: Prepared): Record<string, unknown> {
  const t = p.trace;
  return {
    ...(t
      ? {
          canonicalRequest: t.canonicalRequest,
          stringToSign: t.stringToSign,
          authorization: t.authorization,
          signedHeaders: t.signedHeaders.join(';'),
        }
      : {}),
    headers: Object.fromEntries(maskHeaders(p.headers, p.secretHeaders)),
    curl: curlFor(p),
    ...(p.creds ? { key: p.creds.key, secret: maskSecret(p.creds.secret) } : {}),
    ...(t ? { warnings: t.warnings } : {}),
  };
}

function renderExplanation(e: Explanation, io: Io): string {
  const c = io.color;
  const lines = [c.bold(e.summary)];
  for (const l of e.lines) {
    const label = `line ${String(l.line).padEnd(2)} ${(l.name ?? l.part).padEnd(16)}`;
    if (l.same) lines.push(`${c.green('✓')} ${label} ${l.gateway ?? ''}`);
    else
      lines.push(
        `${c.red('✗')} ${label} gateway: ${l.gateway ?? c.dim('(absent)')}`,
        `  ${' '.repeat(label.length)} apig:    ${l.ours ?? c.dim('(absent)')}`,
      );
  }
  if (e.skew)
    lines.push(
      `signature time ${e.skew.signatureTime}, server time ${e.skew.serverTime}${e.skew.skew ? `, skew ${e.skew.skew}` : ''}`,
    );
  if (e.local) {
    const offset = e.local.offset ? ` (local clock − X-Sdk-Date: ${e.local.offset})` : '';
    lines.push(`apig signed X-Sdk-Date ${e.local.signatureTime}; local clock now ${e.local.now}${offset}`);
  }
  if (e.causes.length) lines.push('', c.bold('Likely causes:'), ...e.causes.map((x) => `  - ${x}`));
  return `${lines.join('\n')}\n`;
}

async function readExplainText(spec: string, io: Io): Promise<string> {
  if (spec === '-' || spec.startsWith('@')) return (await readSource(spec, '--explain', io)).toString('utf8');
  return spec;
}

/** The credential values of the request, masked in whatever is printed about it. */
function secretsOf(p: Prepared): string[] {
  const values = p.headers
    .filter(([n]) => p.secretHeaders.includes(n.toLowerCase()))
    .flatMap(([, v]) => [v, v.replace(/^Basic\s+/, '')]);
  return [...(p.creds ? [p.creds.secret] : []), ...values];
}

async function runSign(url: string, flags: SignFlags, ctx: CommandContext): Promise<void> {
  const { io } = ctx;
  if (flags.send && flags.explain !== undefined) throw new ApigError('usage', 'use either --send or --explain');
  if (
    flags.explain !== undefined &&
    (flags.explain === '-' || flags.explain === '@-') &&
    (flags.dataBinary === '@-' || flags.data.includes('@-'))
  ) {
    throw new ApigError('usage', 'stdin cannot hold both the body and the --explain text');
  }
  const p = await prepare(url, flags, io);
  for (const w of p.trace?.warnings ?? []) io.err(`${io.color.yellow('warning:')} ${w}\n`);
  if (flags.explain !== undefined && p.trace) {
    const e = explainGatewayError(await readExplainText(flags.explain, io), p.trace, { now: new Date() });
    if (e.kind === 'unrecognized')
      throw new ApigError(
        'input',
        `--explain: ${e.summary}; paste the gateway's error body, its error_msg, or a canonical request`,
      );
    io.out(flags.json ? `${JSON.stringify(e, null, 2)}\n` : renderExplanation(e, io));
    return;
  }
  if (!flags.send) {
    if (flags.json) io.out(`${JSON.stringify(jsonOf(p), null, 2)}\n`);
    else if (flags.debug) io.out(debugText(p));
    else
      io.out(
        maskHeaders(p.added, p.secretHeaders)
          .map(([n, v]) => `${n}: ${v}\n`)
          .join(''),
      );
    return;
  }
  if (flags.debug && !flags.json) io.err(debugText(p));
  let res: SendResult;
  try {
    res = await send(p);
  } catch (err) {
    // No response: with --json still one document, the signing fields and what went wrong (exit 1 as for a 4xx).
    const error = sendFailure(err, secretsOf(p));
    if (flags.json) io.out(`${JSON.stringify({ ...jsonOf(p), error }, null, 2)}\n`);
    else io.err(`${io.color.red(`apig: request to ${p.origin} failed: ${error.message}`)}\n`);
    ctx.setExit(EXIT.findings);
    return;
  }
  if (flags.json) {
    io.out(`${JSON.stringify({ ...jsonOf(p), response: res }, null, 2)}\n`);
  } else {
    const headerLines = Object.entries(res.headers).flatMap(([n, v]) =>
      (Array.isArray(v) ? v : [v ?? '']).map((x) => `${n}: ${x}\n`),
    );
    io.out(
      `HTTP ${res.status}\n${headerLines.join('')}\n${res.body}${res.body.endsWith('\n') || res.body === '' ? '' : '\n'}`,
    );
  }
  ctx.setExit(res.status >= 400 ? EXIT.findings : EXIT.ok);
}

/** With --json, an input error is also one JSON document on stdout; the one-line message and exit 2 stay (run.ts). */
export async function runSignJson(url: string, flags: SignFlags, ctx: CommandContext): Promise<void> {
  try {
    await runSign(url, flags, ctx);
  } catch (err) {
    if (flags.json && err instanceof ApigError)
      ctx.io.out(`${JSON.stringify({ error: { code: err.code, message: err.message } }, null, 2)}\n`);
    throw err;
  }
}
