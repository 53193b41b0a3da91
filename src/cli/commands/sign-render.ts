/**
 * What `apig sign` prints about a prepared request: the added headers, the --debug text, the --json document, an
 * --explain diagnosis; credentials masked in all of them.
 */
import { curlCommand, maskHeaders, maskSecret, type Explanation } from '../../sign/index.js';
import type { Io } from '../io.js';
import type { Prepared } from './sign-prepare.js';

function curlFor(p: Prepared): string {
  return curlCommand({
    method: p.method,
    url: p.origin + p.target,
    headers: maskHeaders(p.headers, p.secretHeaders),
    body: p.curlBody,
  });
}

export function debugText(p: Prepared): string {
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

export function jsonOf(p: Prepared): Record<string, unknown> {
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

export function renderExplanation(e: Explanation, io: Io): string {
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
      `signature time ${e.skew.signatureTime}, ` +
        `server time ${e.skew.serverTime}${e.skew.skew ? `, skew ${e.skew.skew}` : ''}`,
    );
  if (e.local) {
    const offset = e.local.offset ? ` (local clock − X-Sdk-Date: ${e.local.offset})` : '';
    lines.push(`apig signed X-Sdk-Date ${e.local.signatureTime}; local clock now ${e.local.now}${offset}`);
  }
  if (e.causes.length) lines.push('', c.bold('Likely causes:'), ...e.causes.map((x) => `  - ${x}`));
  return `${lines.join('\n')}\n`;
}

/** The credential values of the request, masked in whatever is printed about it. */
export function secretsOf(p: Prepared): string[] {
  const values = p.headers
    .filter(([n]) => p.secretHeaders.includes(n.toLowerCase()))
    .flatMap(([, v]) => [v, v.replace(/^Basic\s+/, '')]);
  return [...(p.creds ? [p.creds.secret] : []), ...values];
}
