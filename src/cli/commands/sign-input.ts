/**
 * What `apig sign` reads besides its flags: the body (text, files, standard input), the --explain text, and which
 * authentication mode and X-Sdk-Date the flags ask for.
 */
import { resolve } from 'node:path';
import { ApigError } from '../../core/errors.js';
import { FileReadError, readBytes } from '../../oas/read.js';
import { parseSdkDate, type AuthMode, type CurlBody } from '../../sign/index.js';
import type { Io } from '../io.js';
import { readStdinCapped } from '../stdin.js';
import type { SignFlags } from './sign-flags.js';

/**
 * `@-`/`-` is standard input; `@FILE` is read relative to the working directory, as every file apig reads: a
 * regular file of at most 64 MB (a FIFO would wait forever, /dev/zero never ends); standard input at most 64 MB too.
 */
async function readSource(spec: string, what: string, io: Pick<Io, 'cwd' | 'readStdin'>): Promise<Buffer> {
  if (spec === '@-' || spec === '-') return readStdinCapped(io, `${what} from standard input`);
  const file = spec.slice(1);
  try {
    return await readBytes(resolve(io.cwd, file), file);
  } catch (err) {
    const reason = err instanceof FileReadError ? err.reason : err instanceof Error ? err.message : String(err);
    throw new ApigError('io', `cannot read ${what} file "${file}" (${reason})`);
  }
}

/** `--data-binary @FILE|@-|text`, or `-d` (repeatable, joined with `&` like curl; `-d @FILE` is read verbatim). */
export async function readBody(flags: SignFlags, io: Io): Promise<{ body: Buffer; curl: CurlBody }> {
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

export async function readExplainText(spec: string, io: Io): Promise<string> {
  if (spec === '-' || spec.startsWith('@')) return (await readSource(spec, '--explain', io)).toString('utf8');
  return spec;
}

export function authMode(flags: SignFlags): AuthMode {
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

export function checkDate(date: string | undefined): string | undefined {
  if (date !== undefined && !parseSdkDate(date)) {
    throw new ApigError('usage', `invalid --date "${date}": expected YYYYMMDDTHHMMSSZ in UTC, e.g. 20240315T083000Z`);
  }
  return date;
}
