/**
 * What `apig sign [options] <url>` runs: curl-like flags in, SDK-HMAC-SHA256 headers, a debug trace, a sent request or
 * a signature diagnosis out (issue 3). The algorithm lives in src/sign; sign-input.ts and sign-credentials.ts read the
 * input, sign-prepare.ts builds the request, sign-render.ts prints it, and this file runs those steps.
 */
import { resolve } from 'node:path';
import { ApigError } from '../../core/errors.js';
import { readBytes } from '../../oas/read.js';
import { explainGatewayError, maskHeaders } from '../../sign/index.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { SignFlags } from './sign-flags.js';
import { readExplainText } from './sign-input.js';
import { prepare } from './sign-prepare.js';
import { debugText, jsonOf, renderExplanation, secretsOf } from './sign-render.js';
import { send, sendFailure, type SendResult } from './sign-send.js';

async function runSign(url: string, flags: SignFlags, ctx: CommandContext): Promise<void> {
  const { io } = ctx;
  if (flags.send && flags.explain !== undefined) throw new ApigError('usage', 'use either --send or --explain');
  if (!flags.send && (flags.cacert !== undefined || flags.insecure))
    throw new ApigError('usage', `${flags.cacert !== undefined ? '--cacert' : '-k/--insecure'} applies to --send`);
  if (
    flags.explain !== undefined &&
    (flags.explain === '-' || flags.explain === '@-') &&
    (flags.dataBinary === '@-' || flags.data.includes('@-'))
  ) {
    throw new ApigError('usage', 'stdin cannot hold both the body and the --explain text');
  }
  // --explain: the text is read first, so that the signature is made again at the date the gateway saw (its
  // canonical request holds x-sdk-date), unless --date says otherwise.
  const explained = flags.explain === undefined ? undefined : await readExplainText(flags.explain, io);
  const seen = explained === undefined || flags.date !== undefined ? undefined : gatewayDate(explained);
  const p = await prepare(url, seen === undefined ? flags : { ...flags, date: seen }, io);
  for (const w of p.trace?.warnings ?? []) io.err(`${io.color.yellow('warning:')} ${w}\n`);
  if (explained !== undefined && p.trace) {
    const e = explainGatewayError(explained, p.trace, { now: new Date() });
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
  const trust = {
    ...(flags.cacert !== undefined ? { ca: await readBytes(resolve(io.cwd, flags.cacert), flags.cacert) } : {}),
    insecure: flags.insecure === true,
  };
  let res: SendResult;
  try {
    res = await send(p, trust);
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
    const end = res.body.endsWith('\n') || res.body === '' ? '' : '\n';
    io.out(`HTTP ${res.status}\n${headerLines.join('')}\n${res.body}${end}`);
    // An authentication refusal (APIG.03xx): --explain says which part of the signature the gateway disagreed with.
    const refusal = /"error_code"\s*:\s*"(APIG\.03\d\d)"/.exec(res.body)?.[1];
    if (refusal !== undefined)
      io.err(
        `hint: the gateway refused the request (${refusal}); to see why, save the body above to a file and run ` +
          'the same command with --explain @FILE instead of --send\n',
      );
  }
  ctx.setExit(res.status >= 400 ? EXIT.findings : EXIT.ok);
}

/** The x-sdk-date of the canonical request a gateway error quotes (`x-sdk-date:20240315T083000Z`), if any. */
export function gatewayDate(text: string): string | undefined {
  return /x-sdk-date:(\d{8}T\d{6}Z)/i.exec(text.replace(/\\n/g, '\n'))?.[1];
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
