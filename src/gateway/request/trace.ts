/**
 * What `--trace` shows: one event per pipeline stage with its decision, as data (STYLE habit 8). The CLI
 * prints it; a request that sends `X-Apig-Emulator-Trace: 1` gets it back in a response header.
 */
import { CREDENTIAL_NAME, maskQueriesIn, maskSecret } from '../../core/mask.js';

export interface TraceEvent {
  /** A pipeline stage name, or `backend` for the dispatch. */
  stage: string;
  /** What the stage decided, in a few words. */
  decision: string;
  detail?: Record<string, unknown>;
}

/** The request header that asks for the trace, and the response header that carries it. */
export const TRACE_HEADER = 'x-apig-emulator-trace';

/** A header value is Latin-1 without newlines: JSON with every non-ASCII character escaped. */
export function traceHeaderValue(events: readonly TraceEvent[]): string {
  return JSON.stringify(maskedTrace(events)).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function wantsTrace(value: string | string[] | undefined): boolean {
  if (value === undefined) return false;
  const v = (Array.isArray(value) ? (value[0] ?? '') : value).trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false' && v !== 'no';
}

/** A trace with the credentials in its decisions and details masked (the request path writes them as they came). */
export function maskedTrace(trace: readonly TraceEvent[]): TraceEvent[] {
  const deep = (v: unknown): unknown => {
    if (typeof v === 'string') return maskQueriesIn(v);
    if (Array.isArray(v)) return v.map(deep);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          k,
          CREDENTIAL_NAME.test(k) && typeof x === 'string' ? maskSecret(x) : deep(x),
        ]),
      );
    return v;
  };
  return trace.map((t) => ({
    stage: t.stage,
    decision: maskQueriesIn(t.decision),
    ...(t.detail !== undefined ? { detail: deep(t.detail) as Record<string, unknown> } : {}),
  }));
}
