/**
 * What a value the gateway places in the backend request may hold (docs/serve.md, "Paths and values sent to the
 * backend"). The documents percent-encode PATH and QUERY values (002 §5.2.1 表5-11 notes; encode.ts) and say
 * nothing of HEADER values, so a header value that HTTP cannot carry is refused as the caller's parameter error
 * instead of failing the backend call; a path value must not add a dot-segment to the backend path.
 */
import { encodeFor } from './encode.js';
import { decodeSegment, dotSegment } from './request-path.js';

/** RFC 9110 §5.5 field-value: tab, visible ASCII, space and obs-text (0x80-0xFF); what undici sends. */
const NOT_IN_HEADER = /[^\t\x20-\x7e\x80-\xff]/;

/** Why a value cannot be sent as a header value (without showing it: it may be a credential), or undefined. */
export function headerValueProblem(value: string): string | undefined {
  const bad = NOT_IN_HEADER.exec(value)?.[0];
  if (bad === undefined) return undefined;
  const code = bad.codePointAt(0) ?? 0;
  const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code > 0xff
    ? `the value holds ${u}, beyond Latin-1, which an HTTP header cannot carry`
    : `the value holds the control character ${u}, which an HTTP header cannot carry`;
}

/**
 * The text that replaces a `{name}` (one segment: `/` is encoded) or `{name+}` (segments) placeholder.
 * `sentSegments`, when the value is a front-end `{p+}` value, are its segments as sent: an encoded slash in
 * one stays encoded, so the backend gets the segments the router matched.
 */
export function placeholderText(value: string, greedy: boolean, sentSegments?: string): string {
  if (!greedy) return encodeFor('PATH', value);
  const segments = sentSegments === undefined ? value.split('/') : sentSegments.split('/').map(decodeSegment);
  return segments.map((s) => encodeFor('PATH', s)).join('/');
}

/** Why a placeholder's text would let the backend path climb (`.` or `..` in some backend's reading), or undefined. */
export function placeholderProblem(text: string): string | undefined {
  const dots = dotSegment(text);
  return dots === undefined ? undefined : `the value would put a "${dots}" segment in the backend path`;
}
