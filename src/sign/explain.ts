/**
 * The signature doctor: diff the gateway's canonical request line by line against ours and name the likely
 * cause in plain words (000 §4.7 step 3 is the model); for `signature expired`, show the clock skew.
 */
import { headerCause, methodCause, pathCause, payloadCause, queryCause, signedHeadersCause } from './explain-causes.js';
import { parseCanonicalLines, parseGatewayText, type CanonicalLines, type GatewayReport } from './explain-parse.js';
import { explainSkew } from './explain-skew.js';
import type { ExplainLine, ExplainOptions, ExplainPart, Explanation } from './explanation.js';
import type { SignTrace } from './sign.js';

export type { ClockSkew, ExplainLine, ExplainOptions, ExplainPart, Explanation, LocalClock } from './explanation.js';

/** `1 canonical-request line differs`, `2 canonical-request lines differ`. */
function countDiffer(n: number, noun: string): string {
  return n === 1 ? `1 ${noun} differs` : `${n} ${noun}s differ`;
}

function headerLines(g: CanonicalLines, o: CanonicalLines): ExplainLine[] {
  const gMap = new Map(g.headers.map((h) => [h.name, h.value]));
  const oMap = new Map(o.headers.map((h) => [h.name, h.value]));
  const names = [...new Set([...gMap.keys(), ...oMap.keys()])].sort();
  const gNames = g.headers.map((h) => h.name);
  const out: ExplainLine[] = names.map((name) => {
    const gv = gMap.get(name);
    const ov = oMap.get(name);
    const same = gv === ov;
    // The gateway's numbering; a header only apig has gets the line it would take there.
    const at = gv !== undefined ? gNames.indexOf(name) : gNames.filter((n) => n < name).length;
    return {
      line: 4 + at,
      part: 'header',
      name,
      same,
      ...(gv !== undefined ? { gateway: `${name}:${gv}` } : {}),
      ...(ov !== undefined ? { ours: `${name}:${ov}` } : {}),
      ...(same ? {} : { cause: headerCause(name, gv, ov) }),
    };
  });
  const gOrder = g.headers.map((h) => h.name).join(';');
  if (out.every((l) => l.same) && gOrder !== o.headers.map((h) => h.name).join(';')) {
    out.push({
      line: 4,
      part: 'header',
      same: false,
      gateway: gOrder,
      ours: o.headers.map((h) => h.name).join(';'),
      cause:
        'the header lines are in another order: sort by lower-case name in byte order ' +
        '(the Node.js core SDK sorts them with localeCompare; docs/sign.md, SDK differences)',
    });
  }
  return out;
}

function line(
  n: number,
  part: ExplainPart,
  gateway: string,
  ours: string,
  cause: (g: string, o: string) => string,
): ExplainLine {
  const same = gateway === ours;
  return { line: n, part, gateway, ours, same, ...(same ? {} : { cause: cause(gateway, ours) }) };
}

/** Diffs two canonical requests (signing.md §3 step 9 layout). */
export function diffCanonical(gatewayCr: string, oursCr: string): ExplainLine[] {
  const g = parseCanonicalLines(gatewayCr);
  const o = parseCanonicalLines(oursCr);
  if (!g || !o) return [];
  const headers = headerLines(g, o);
  const next = 4 + g.headers.length;
  return [
    line(1, 'method', g.method, o.method, methodCause),
    line(2, 'path', g.path, o.path, pathCause),
    line(3, 'query', g.query, o.query, queryCause),
    ...headers,
    { line: next, part: 'blank', gateway: '', ours: '', same: true },
    line(next + 1, 'signedHeaders', g.signedHeaders, o.signedHeaders, signedHeadersCause),
    line(next + 2, 'payloadHash', g.payloadHash, o.payloadHash, (gp, op) =>
      payloadCause(gp, op, o.headers.find((h) => h.name === 'x-sdk-content-sha256')?.value),
    ),
  ];
}

const OTHER: Record<'ak-locked' | 'token-invalid' | 'unrecognized', { summary: string; causes: string[] }> = {
  'ak-locked': {
    summary: 'the AK is locked after repeated authentication failures',
    causes: [
      '5 or more consecutive failures lock the AK for 5 minutes (FAQ (2024) §4.7): fix the signature first, then wait',
      'the SK may not belong to this AK',
    ],
  },
  'token-invalid': {
    summary: 'the IAM token could not be decrypted',
    causes: [
      'check how the token was obtained, and that it comes from the same environment ' +
        '(region, project) as the API (FAQ (2024) §4.7)',
    ],
  },
  unrecognized: { summary: 'no canonical request or known APIG authentication error found in the text', causes: [] },
};

/**
 * The table text without a detail (errors-and-limits.md §1.1): the documented resolutions, and where the detail is.
 */
function noDetail(r: Extract<GatewayReport, { kind: 'auth-failed-no-detail' }>): Explanation {
  const code = r.auth === 'app' ? 'APIG.0303' : 'APIG.0301';
  const what = r.auth === 'app' ? 'App' : 'IAM';
  const causes =
    r.auth === 'app'
      ? [
          'check that the method, path, query parameters and body of the request are those that were signed, ' +
            'and the client clock (the APIG.0303 resolution, User Guide §6.3.3)',
          'check the AppKey and AppSecret: an unknown key, ' +
            'a wrong secret and an expired signature all answer APIG.0303',
        ]
      : [
          'check the token, or for AK/SK signing the AK, the SK and the client clock ' +
            '(the APIG.0301 resolution, User Guide §6.3.3)',
          '5 or more consecutive failures lock the AK for 5 minutes (FAQ (2024) §4.7)',
        ];
  causes.push(
    'the gateway error.log has the detail (and, for a signature mismatch, ' +
      'its canonical request) under the request_id (FAQ (2024) §4.7 method 1): ' +
      "pass that to --explain, and compare your client's canonicalRequest with `apig sign --debug`",
  );
  const summary =
    r.detail !== undefined
      ? `${what} authentication failed (${code}) with a detail apig does not know: "${r.detail}"`
      : `${what} authentication failed (${code}), and the message gives no detail`;
  return { kind: r.kind, summary, lines: [], causes };
}

/** Explains a gateway error body, its `error_msg`, or a bare canonical request, against our signature. */
export function explainGatewayError(text: string, ours: SignTrace, options: ExplainOptions = {}): Explanation {
  const r = parseGatewayText(text);
  switch (r.kind) {
    case 'expired':
      return explainSkew(r, ours, options.now ?? new Date());
    case 'unknown-key': {
      const what = r.auth === 'app' ? 'AppKey' : 'AK';
      const causes = [
        `the gateway knows no credential with ${what} ${r.key}: copy the Key from the credential ` +
          `(凭据) page of the console, for the right region and instance (FAQ (2024) §4.8)`,
      ];
      if (ours.key !== r.key && r.key !== '' && !/^\*+$/.test(r.key))
        causes.push(`apig signed with ${what} ${ours.key}, not ${r.key}: the client sent another key`);
      return { kind: r.kind, summary: `unknown ${what} ${r.key}`, lines: [], causes };
    }
    case 'signature-mismatch-no-detail':
      return {
        kind: r.kind,
        summary: 'signature mismatch, but the message carries no canonical request',
        lines: [],
        causes: [
          'find the canonical request in the gateway error.log by request_id ' +
            '(FAQ (2024) §4.7 method 1) and pass it to --explain',
        ],
      };
    case 'signature-mismatch': {
      const lines = diffCanonical(r.canonicalRequest, ours.canonicalRequest);
      const causes = lines.flatMap((l) => (l.cause ? [`line ${l.line} (${l.name ?? l.part}): ${l.cause}`] : []));
      if (causes.length === 0) {
        causes.push(
          'the gateway rebuilt the same canonical request as apig, so the request arrived as described: ' +
            'check the AppSecret/SK (extra spaces are common, FAQ (2024) §4.7 step 3), ' +
            "and compare your client's canonicalRequest with `apig sign --debug`",
        );
      }
      const n = lines.filter((l) => !l.same).length;
      return {
        kind: r.kind,
        summary: n === 0 ? 'the canonical requests are identical' : countDiffer(n, 'canonical-request line'),
        lines,
        causes,
        gatewayCanonicalRequest: r.canonicalRequest,
      };
    }
    case 'auth-failed-no-detail':
      return noDetail(r);
    default:
      return { kind: r.kind, lines: [], ...OTHER[r.kind] };
  }
}
