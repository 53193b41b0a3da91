/** A ready-to-run curl command for a signed request (the JS demo page prints one too, 000 §4.7 step 4). */

/** POSIX shell single-quoting. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_\-.,:/@%+=]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export type CurlBody = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'file'; path: string };

export interface CurlInput {
  method: string;
  /** scheme://authority + request target, exactly as signed. */
  url: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: CurlBody;
}

/** curl squashes `/./` and `/../` unless told not to; the signed path must reach the gateway as is. */
function hasDotSegment(url: string): boolean {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').split('?')[0] ?? '';
  return path.split('/').some((seg) => seg === '.' || seg === '..');
}

export function curlCommand(c: CurlInput): string {
  const parts = ['curl'];
  parts.push(c.method === 'HEAD' ? '-I' : `-X ${shellQuote(c.method)}`);
  if (hasDotSegment(c.url)) parts.push('--path-as-is');
  parts.push(shellQuote(c.url));
  for (const [name, value] of c.headers) parts.push('-H', shellQuote(`${name}: ${value}`));
  // --data-raw never reads a file for a leading "@"; --data-binary sends a file's bytes unchanged (-d strips newlines).
  if (c.body.kind === 'text') parts.push('--data-raw', shellQuote(c.body.text));
  if (c.body.kind === 'file') parts.push('--data-binary', shellQuote(`@${c.body.path}`));
  return parts.join(' ');
}
