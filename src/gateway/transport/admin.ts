/**
 * The virtual clock's control, on the gateway's own port and only with `--clock` (without it the path is routed
 * like any other): `GET /_apig/clock` tells the time; `POST /_apig/clock` with `{"advance": "90s"}` (ms as a
 * number, or a number with ms/s/m/h/d) or `{"set": "2026-01-01T00:00:00Z"}` (ISO 8601 or epoch ms) moves it.
 * The answer is `{"now": ISO, "epochMs": n}`; with `--workers`, once every worker's clock has moved. Not an APIG
 * feature: a test and demo aid (docs/serve.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { moveClock, type ClockMove, type VirtualClock } from '../clock.js';

export const CLOCK_PATH = '/_apig/clock';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The farthest a JavaScript Date reaches from 1970 either way: past it the clock could not tell the time. */
const MAX_INSTANT = 8.64e15;
/** A clock move is a few bytes of JSON; a larger body is refused, not buffered. */
const MAX_BODY = 64 * 1024;

/** `90s`, `1500`, `2m` → milliseconds; undefined when unreadable. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const m = typeof v === 'string' ? /^\s*(-?\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(v) : null;
  return m ? Number(m[1]) * (UNITS[m[2] ?? 'ms'] ?? 1) : undefined;
}

/** An ISO 8601 date or epoch milliseconds; undefined when unreadable. */
export function parseInstant(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const t = /^\d+$/.test(v.trim()) ? Number(v) : Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/** The `Origin` a browser sent when it is not this server's own (a page of another site), else undefined. */
export function otherOrigin(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  const host = req.headers.host ?? '';
  return origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}` ? origin : undefined;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function handleClock(clock: VirtualClock, req: IncomingMessage, res: ServerResponse): void {
  const now = (): unknown => ({ now: new Date(clock.now()).toISOString(), epochMs: clock.now() });
  if (req.method === 'GET' || req.method !== 'POST') {
    answer(res, req.method === 'GET' ? 200 : 405, req.method === 'GET' ? now() : { error: 'GET or POST' });
    return;
  }
  // A browser says where a POST comes from: a page of another site (a form, which needs no CORS preflight) must
  // not move the clock of a gateway running tests. curl and test code send no Origin.
  const origin = otherOrigin(req);
  if (origin !== undefined) {
    answer(res, 403, { error: `the clock is moved from this machine's tools or pages, not from ${origin}` });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size <= MAX_BODY) chunks.push(c);
  });
  req.on('end', () => {
    if (size > MAX_BODY) return answer(res, 413, { error: `the body is over ${MAX_BODY} bytes` });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return answer(res, 400, { error: 'the body is not JSON' });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return answer(res, 400, {
        error: 'the body is a JSON object: {"advance": "90s"} or {"set": "2026-01-01T00:00:00Z"}',
      });
    const move: ClockMove = {};
    if (body.set !== undefined) {
      const t = parseInstant(body.set);
      if (t === undefined) return answer(res, 400, { error: '"set" is not an ISO 8601 date or epoch milliseconds' });
      move.set = t;
    }
    if (body.advance !== undefined) {
      const ms = parseDuration(body.advance);
      if (ms === undefined) return answer(res, 400, { error: '"advance" is not a duration (e.g. 1500, "90s", "2m")' });
      move.advance = ms;
    }
    const to = (move.set ?? clock.now()) + (move.advance ?? 0);
    if (!(Math.abs(to) <= MAX_INSTANT))
      return answer(res, 400, { error: 'the clock would leave the dates a clock can tell (years -271821 to 275760)' });
    if (!clock.share) {
      moveClock(clock, move);
      return answer(res, 200, now());
    }
    // --workers: answered once every worker's clock has moved, so that the next request sees it wherever it lands.
    clock.share(move).then(
      () => answer(res, 200, now()),
      (err: unknown) => answer(res, 503, { error: err instanceof Error ? err.message : String(err) }),
    );
  });
}
