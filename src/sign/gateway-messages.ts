/**
 * The gateway's authentication error texts (errors-and-limits.md §1.1/§1.2; 000 §4.7/§4.8).
 * Texts marked [ours] are not documented; they follow the documented style and are kept in this one place.
 */

export type AuthKind = 'app' | 'iam';

export type VerifyFailure =
  | 'missing-authorization'
  | 'malformed-authorization'
  | 'unknown-key'
  | 'date-not-signed'
  | 'missing-date'
  | 'invalid-date'
  | 'expired'
  | 'signed-header-missing'
  | 'signature-mismatch';

export const AUTH_ERROR_CODE = { app: 'APIG.0303', iam: 'APIG.0301' } as const satisfies Record<AuthKind, string>;
export type AuthErrorCode = (typeof AUTH_ERROR_CODE)[AuthKind];

/** The table message, without its trailing period, before `: detail` (errors-and-limits.md §1.2). */
const PREFIX = {
  app: 'Incorrect app authentication information',
  iam: 'Incorrect IAM authentication information',
} as const satisfies Record<AuthKind, string>;

/** What each failure carries into its text. */
export interface FailureFacts {
  key?: string;
  header?: string;
  signatureTime?: string;
  serverTime?: string;
  canonicalRequest?: string;
  dateValue?: string;
}

/** The gateway prints its canonical request with every newline replaced by `|` (000 §4.8). */
export function pipeJoined(canonicalRequest: string): string {
  return canonicalRequest.replace(/\n/g, '|');
}

const DETAIL = {
  'missing-authorization': () => 'authorization not found', // [ours]
  'malformed-authorization': () =>
    'invalid authorization header, expected SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...', // [ours]
  'unknown-key': (kind, f) =>
    kind === 'app' ? `app not found, appkey ${f.key ?? ''}` : `Get secretKey failed,ak:${f.key ?? ''},err:ak not exist`,
  'date-not-signed': () => 'x-sdk-date must be signed', // [ours], signing.md §4 step 2
  'missing-date': () => 'x-sdk-date not found', // [ours]
  'invalid-date': (_k, f) => `invalid x-sdk-date:${f.dateValue ?? ''}`, // [ours]
  expired: (_k, f) => `signature expired, signature time:${f.signatureTime ?? ''},server time:${f.serverTime ?? ''}`,
  'signed-header-missing': (_k, f) => `signed header ${f.header ?? ''} not found`, // signing.md §4 step 3
  // IAM: 000 §4.7 elides what follows "verify aksk signature fail, "; we append the canonical request as for App.
  'signature-mismatch': (kind, f) =>
    `${kind === 'app' ? 'verify signature fail' : 'verify aksk signature fail'}, ` +
    `canonicalRequest:${pipeJoined(f.canonicalRequest ?? '')}`,
} as const satisfies Record<VerifyFailure, (kind: AuthKind, facts: FailureFacts) => string>;

export function failureDetail(reason: VerifyFailure, kind: AuthKind, facts: FailureFacts): string {
  return DETAIL[reason](kind, facts);
}

/** The full `error_msg`: `Incorrect app authentication information: <detail>`. */
export function failureMessage(kind: AuthKind, detail: string): string {
  return `${PREFIX[kind]}: ${detail}`;
}
