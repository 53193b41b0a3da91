/**
 * Reads what the gateway said: a JSON error body, its `error_msg`, or a canonical request alone
 * (000 §4.7/§4.8; errors-and-limits.md §1.2). In `error_msg` the canonical request has `|` for newlines.
 */

export type GatewayReport =
  | { kind: 'signature-mismatch'; auth: 'app' | 'iam' | 'unknown'; canonicalRequest: string }
  | { kind: 'signature-mismatch-no-detail'; auth: 'app' | 'iam' }
  /** The times are absent when the gateway said only `signature expired`. */
  | { kind: 'expired'; signatureTime?: string; serverTime?: string }
  | { kind: 'unknown-key'; auth: 'app' | 'iam'; key: string }
  | { kind: 'ak-locked' }
  | { kind: 'token-invalid' }
  /**
   * The table text alone (`Incorrect app authentication information.`, errors-and-limits.md §1.1), or with a detail
   * apig does not know, or an APIG.0301/0303 code with another text (a customised gateway response).
   */
  | { kind: 'auth-failed-no-detail'; auth: 'app' | 'iam'; detail?: string }
  | { kind: 'unrecognized' };

/** The canonical request split into its parts (signing.md §3 step 9). */
export interface CanonicalLines {
  method: string;
  path: string;
  query: string;
  headers: Array<{ name: string; value: string }>;
  signedHeaders: string;
  payloadHash: string;
}

/** PDF-style wraps: a newline right after `|` was not in the message; any other newline stood for a space. */
function unwrap(msg: string): string {
  return msg.replace(/\|\s*\r?\n\s*/g, '|').replace(/\s*\r?\n\s*/g, ' ');
}

/** The message and the APIG code of a body as pasted. */
interface Pasted {
  msg: string;
  code?: string;
}

const MESSAGE_KEYS = ['error_msg', 'errormsg', 'message'];
/** `error_code` in the default template, `errorcode` in the documented custom one (errors-and-limits.md §2.1). */
const CODE_KEYS = ['error_code', 'errorcode', 'code'];

/** Finds `error_msg` (and `error_code`) in a JSON body, even one that is not valid JSON because a line was wrapped. */
function readPasted(text: string): Pasted {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null) {
      const field = (keys: string[]): string | undefined => {
        for (const k of keys) {
          const v = (body as Record<string, unknown>)[k];
          if (typeof v === 'string') return v;
        }
        return undefined;
      };
      const code = field(CODE_KEYS);
      return { msg: field(MESSAGE_KEYS) ?? text, ...(code !== undefined ? { code } : {}) };
    }
  } catch {
    const code = /"(?:error_code|errorcode)"\s*:\s*"([^"]*)"/.exec(text)?.[1];
    const withCode = (msg: string): Pasted => ({ msg, ...(code !== undefined ? { code } : {}) });
    const m = /"(?:error_msg|errormsg)"\s*:\s*"((?:[^"\\]|\\.)*)"/s.exec(text);
    if (m?.[1] !== undefined) {
      const raw = unwrap(m[1]);
      try {
        return withCode(JSON.parse(`"${raw}"`) as string);
      } catch {
        return withCode(raw);
      }
    }
    return withCode(text);
  }
  return { msg: text };
}

function authOf(msg: string): 'app' | 'iam' | 'unknown' {
  if (/Incorrect app authentication/i.test(msg) || /verify signature fail/.test(msg))
    return /IAM/.test(msg) ? 'iam' : 'app';
  if (/Incorrect IAM authentication|aksk/i.test(msg)) return 'iam';
  return 'unknown';
}

/** Turns `GET|/v1/|...` (or real newlines, or literal `\n`) into the canonical request text. */
export function canonicalFromText(text: string): string {
  let t = text.trim();
  const client = t.indexOf(', client:'); // error.log form (000 §4.7 step 1)
  if (client >= 0) t = t.slice(0, client);
  t = t.replace(/[^A-Za-z0-9-]+$/, ''); // a pasted closing quote or brace; the last line is a hash
  // A method broken across lines, as in the error.log excerpt of 000 §4.7 ("GE" / "T"): the path line starts with "/".
  t = t.replace(/^([A-Za-z]+)\r?\n([A-Za-z]+)(?=\r?\n\/)/, '$1$2');
  if (t.includes('|'))
    return t
      .replace(/\|\s*\r?\n\s*/g, '|')
      .replace(/\r?\n/g, '')
      .split('|')
      .join('\n');
  if (!/\n/.test(t) && t.includes('\\n')) return t.split('\\n').join('\n');
  return t.replace(/\r\n/g, '\n');
}

/** Splits a canonical request into parts; undefined when it does not have the §3 step 9 shape. */
export function parseCanonicalLines(cr: string): CanonicalLines | undefined {
  const lines = cr.split('\n');
  if (lines.length < 6 || !/^[A-Za-z]+$/.test(lines[0] ?? '')) return undefined;
  const blank = lines.lastIndexOf('', lines.length - 3);
  if (blank < 3) return undefined;
  return {
    method: lines[0] ?? '',
    path: lines[1] ?? '',
    query: lines[2] ?? '',
    headers: lines.slice(3, blank).map((l) => {
      const colon = l.indexOf(':');
      return colon < 0 ? { name: l, value: '' } : { name: l.slice(0, colon), value: l.slice(colon + 1) };
    }),
    signedHeaders: lines.slice(blank + 1, lines.length - 1).join('\n'),
    payloadHash: lines[lines.length - 1] ?? '',
  };
}

/** Recognises the gateway's authentication errors (000 §4.7, §4.8) or a bare canonical request. */
export function parseGatewayText(text: string): GatewayReport {
  const { msg, code } = readPasted(text.trim());
  const flat = unwrap(msg);
  if (/signature expired/i.test(flat)) {
    // The documented form ends `, signature time:<X-Sdk-Date>,server time:<now>` (000 §4.8); either may be missing.
    const signatureTime = /signature\s+time:\s*([^\s,"}]+)/.exec(flat)?.[1];
    const serverTime = /server\s+time:\s*([^\s,"}]+)/.exec(flat)?.[1];
    return {
      kind: 'expired',
      ...(signatureTime !== undefined ? { signatureTime } : {}),
      ...(serverTime !== undefined ? { serverTime } : {}),
    };
  }
  const app = /app not found,\s*appkey\s*(\S*)/.exec(flat);
  if (app) return { kind: 'unknown-key', auth: 'app', key: app[1] ?? '' };
  const ak = /Get secretKey failed,\s*ak:([^,]*),\s*err:ak not exist/.exec(flat);
  if (ak) return { kind: 'unknown-key', auth: 'iam', key: ak[1] ?? '' };
  if (/AK access failed to reach the limit/.test(flat)) return { kind: 'ak-locked' };
  if (/decrypt token fail/.test(flat)) return { kind: 'token-invalid' };
  const at = msg.indexOf('canonicalRequest:');
  if (at >= 0) {
    const cr = canonicalFromText(msg.slice(at + 'canonicalRequest:'.length));
    if (parseCanonicalLines(cr)) return { kind: 'signature-mismatch', auth: authOf(msg), canonicalRequest: cr };
  }
  const bare = canonicalFromText(msg);
  if (parseCanonicalLines(bare)) return { kind: 'signature-mismatch', auth: 'unknown', canonicalRequest: bare };
  if (/verify (aksk )?signature fail/.test(flat))
    return { kind: 'signature-mismatch-no-detail', auth: /aksk|IAM/.test(flat) ? 'iam' : 'app' };
  // The table texts alone (errors-and-limits.md §1.1), or a known code with a text of a custom gateway response.
  const table = /Incorrect (app|IAM) authentication information\b\.?(?:\s*:\s*(.*))?/i.exec(flat);
  if (table || code === 'APIG.0303' || code === 'APIG.0301') {
    const auth = table ? (table[1]?.toLowerCase() === 'iam' ? 'iam' : 'app') : code === 'APIG.0301' ? 'iam' : 'app';
    const detail = (table ? (table[2] ?? '') : flat).trim();
    return { kind: 'auth-failed-no-detail', auth, ...(detail !== '' && detail !== text.trim() ? { detail } : {}) };
  }
  return { kind: 'unrecognized' };
}
