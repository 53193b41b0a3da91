/** What the signature doctor (explain.ts) answers, as data: its lines, causes and clock readings. */
import type { GatewayReport } from './explain-parse.js';

export interface ClockSkew {
  signatureTime: string;
  serverTime: string;
  /** server − signature, in ms (positive: the client clock is behind). */
  skewMs?: number;
  skew?: string;
}

/**
 * What apig can say about time when the gateway did not give its times (a bare `signature expired`):
 * the X-Sdk-Date it signed for this request and the local clock, for the user to judge the skew.
 */
export interface LocalClock {
  /** The X-Sdk-Date apig signed (from --date, an X-Sdk-Date header, or the local clock). */
  signatureTime: string;
  /** The local clock when explaining, as an X-Sdk-Date. */
  now: string;
  /** now − signatureTime, in ms (positive: the X-Sdk-Date is in the past); absent when the X-Sdk-Date is malformed. */
  offsetMs?: number;
  offset?: string;
}

export type ExplainPart = 'method' | 'path' | 'query' | 'header' | 'blank' | 'signedHeaders' | 'payloadHash';

export interface ExplainLine {
  /** 1-based line of the canonical request (the gateway's numbering where it has the line). */
  line: number;
  part: ExplainPart;
  /** Header name, for `header` lines. */
  name?: string;
  gateway?: string;
  ours?: string;
  same: boolean;
  cause?: string;
}

export interface ExplainOptions {
  /** The local clock; default now. */
  now?: Date;
}

export interface Explanation {
  kind: GatewayReport['kind'];
  /** One line saying what happened. */
  summary: string;
  /** Line-by-line comparison (signature mismatches only). */
  lines: ExplainLine[];
  /** Likely causes in plain words, most specific first. */
  causes: string[];
  gatewayCanonicalRequest?: string;
  skew?: ClockSkew;
  /** For `signature expired` without the gateway's times. */
  local?: LocalClock;
}
