/**
 * `apig serve --ui`: the dashboard at /_apig/ui on the gateway's own port. It keeps the last 1,000 requests
 * (request-log.ts), tells open pages of each as it ends (Server-Sent Events), and answers the page's JSON:
 * routes, requests, throttling counters, the virtual clock (as POST /_apig/clock does), Try it, and the
 * configuration (fidelity table, last reload). Loaded only with --ui; every answer passes the secret scrubber.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { FidelityRow } from '../compile/fidelity.js';
import { callableUrl } from '../../core/callable-url.js';
import type { Gateway } from '../gateway.js';
import type { RequestContext } from '../request/context.js';
import type { Answer } from '../response/answer.js';
import type { EventSink, GatewayEvent, RequestEvent } from '../response/events.js';
import { handleClock } from '../transport/admin.js';
import { refusal, type UiAccess } from './access.js';
import type { DashboardHooks } from './hooks.js';
import { isUiTarget, UI_PATH } from './hooks.js';
import { appOf, BODY_BYTES, capture, entryOf, lineOf, summaryOf, type Line, type Streamed } from './record.js';
import { RequestLog } from './request-log.js';
import { routesView } from './routes-view.js';
import { scrubberOf, secretValues, type Scrub } from './scrub.js';
import { isPageFile, PAGE_HEADERS, sendPageFile } from './static-files.js';
import { throttleView } from './throttle-view.js';
import { readJson, TryProblem, tryInput, tryIt } from './try-it.js';
import { configView, diagnosticView, type ReloadView } from './config-view.js';

export interface DashboardOptions {
  access: UiAccess;
  fidelity: FidelityRow[];
  /** --watch: reloads happen (and a rejected edit's diagnostics are shown). */
  watch: boolean;
  /** Diagnostics' file names are shown relative to it. */
  cwd: string;
  /** --trace: the host prints traces; otherwise the dashboard's traces are kept from the host's events. */
  trace: boolean;
  /** How many requests are kept (1,000). */
  capacity?: number;
}

/**
 * A page that has this many bytes of events still to read has stalled: its stream is closed (what was queued is
 * freed), and the page, when it reconnects, loads the list afresh instead of showing one with holes in it.
 */
const MAX_QUEUED = 1 << 20;
const KEEP_ALIVE_MS = 15_000;
const UNWATCHED = 'ended while no dashboard page was open: only its log line was kept';

export class Dashboard implements DashboardHooks {
  readonly log: RequestLog<Line>;
  private seq = 0;
  private gw: Gateway | undefined;
  private listening = '';
  private scrub: Scrub = (t) => t;
  private scrubbedFor: unknown;
  /**
   * Every secret value of every configuration served since start: a reload that changes a secret leaves the old
   * value in the requests kept (a backend's echo, a header a client sent), and it is still masked there.
   */
  private readonly secrets = new Set<string>();
  private readonly streams = new WeakMap<RequestContext, Streamed>();
  /** The event object last handed over by the request path (the host's sink then skips it). */
  private handed: RequestEvent | undefined;
  private readonly pages = new Set<ServerResponse>();
  private reload: ReloadView | undefined;
  private fidelity: FidelityRow[];

  constructor(private readonly options: DashboardOptions) {
    this.log = new RequestLog(options.capacity);
    this.fidelity = options.fidelity;
  }

  /** The gateway it belongs to and the URL it listens on (`http://ADDRESS:PORT`). */
  attach(gw: Gateway, listening: string): void {
    this.gw = gw;
    this.listening = callableUrl(listening);
  }

  /** The host's event sink, wrapped: the request events the request path did not hand over are kept too. */
  sink(inner: EventSink): EventSink {
    return (e: GatewayEvent) => {
      if (e.type !== 'request') return inner(e);
      if (e !== this.handed) {
        const note = e.websocket ? 'a WebSocket upgrade' : 'answered on the socket; not kept';
        this.add(lineOf(++this.seq, e, (this.gw?.clock.now() ?? e.latencyMs) - e.latencyMs, note));
      }
      this.handed = undefined;
      // With a page open every request is traced; the host prints traces only under --trace.
      if (e.trace === undefined || this.options.trace) return inner(e);
      const { trace: _t, ...plain } = e;
      inner(plain);
    };
  }

  /** start.ts, after a reload under --watch: the new configuration's fidelity table, or the rejected edit. */
  reloaded(ok: boolean, diagnostics: readonly Diagnostic[], apis?: number, fidelity?: FidelityRow[]): void {
    this.scrubber(); // the new configuration's secrets join the ones masked (the old ones stay)
    if (fidelity) this.fidelity = fidelity;
    this.reload = {
      at: new Date(this.gw?.clock.now() ?? Date.now()).toISOString(),
      ok,
      ...(apis !== undefined ? { apis } : {}),
      diagnostics: diagnostics.map((d) => diagnosticView(d, this.options.cwd)),
    };
    this.broadcast('config', JSON.stringify(this.reload));
  }

  handles(url: string): boolean {
    return isUiTarget(url);
  }

  body(ctx: RequestContext, upstream: Readable): void {
    if (this.pages.size === 0) return;
    const s: Streamed = { chunks: [], kept: 0, total: 0 };
    this.streams.set(ctx, s);
    upstream.on('data', (c: Buffer) => {
      s.total += c.length;
      if (s.kept >= BODY_BYTES) return;
      const part = s.kept + c.length > BODY_BYTES ? Buffer.from(c.subarray(0, BODY_BYTES - s.kept)) : c;
      s.chunks.push(part);
      s.kept += part.length;
    });
  }

  exchange(ctx: RequestContext, answer: Answer, event: RequestEvent): void {
    this.handed = event;
    // With no page open only the log line is kept: keeping every request's trace and headers for 1,000 requests
    // makes them outlive the young generation, which costs more than the request itself (docs/ui.md).
    if (this.pages.size > 0) this.add(capture(++this.seq, ctx, answer, event, this.streams.get(ctx)));
    else this.add(lineOf(++this.seq, event, ctx.receivedAt, UNWATCHED, appOf(ctx)));
  }

  private add(c: Line): void {
    this.log.add(c);
    if (this.pages.size > 0) this.broadcast('request', JSON.stringify(summaryOf(c)));
  }

  private broadcast(event: string, json: string): void {
    if (this.pages.size === 0) return;
    const text = `event: ${event}\ndata: ${this.scrubber()(json)}\n\n`;
    for (const res of this.pages) {
      if (res.writableLength < MAX_QUEUED) res.write(text);
      else {
        this.pages.delete(res);
        res.destroy();
      }
    }
    if (this.pages.size === 0) this.gw?.watched(false);
  }

  private scrubber(): Scrub {
    const ws = this.gw?.config.workspace;
    if (ws !== undefined && ws !== this.scrubbedFor) {
      const known = this.secrets.size;
      for (const v of secretValues(ws)) this.secrets.add(v);
      if (this.secrets.size !== known || this.scrubbedFor === undefined) this.scrub = scrubberOf(this.secrets);
      this.scrubbedFor = ws;
    }
    return this.scrub;
  }

  /** Ends the open event streams (the gateway is stopping). */
  close(): void {
    for (const res of this.pages) res.end();
    this.pages.clear();
    this.gw?.watched(false);
  }

  serve(req: IncomingMessage, res: ServerResponse): void {
    const refused = refusal(req, this.options.access);
    if (refused !== undefined) {
      req.resume();
      this.json(res, 403, { error: refused });
      return;
    }
    this.route(req, res).catch((err: unknown) => {
      const status = err instanceof TryProblem || (err instanceof Error && err.name === 'ApigError') ? 400 : 500;
      if (!res.headersSent) this.json(res, status, { error: err instanceof Error ? err.message : String(err) });
      else res.destroy();
    });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    const text = this.scrubber()(JSON.stringify(body));
    res.writeHead(status, {
      ...PAGE_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const gw = this.gw;
    if (!gw) throw new Error('the dashboard is not attached to a gateway');
    const path = (req.url ?? '').split('?')[0] ?? '';
    const rest = path.slice(UI_PATH.length);
    const method = req.method ?? 'GET';
    const get = method === 'GET' || method === 'HEAD';
    if (rest === '') {
      res.writeHead(308, { ...PAGE_HEADERS, location: `${UI_PATH}/`, 'content-length': 0 });
      res.end();
      return;
    }
    const name = rest === '/' ? 'index.html' : rest.slice(1);
    if (get && isPageFile(name)) return sendPageFile(name, res, method === 'HEAD');
    const api = name.startsWith('api/') ? name.slice(4) : undefined;
    if (api === 'events' && get) return this.events(gw, req, res);
    if (api === 'routes' && get) return this.json(res, 200, { routes: routesView(gw.config, this.listening) });
    if (api === 'requests' && get) return this.json(res, 200, { requests: this.log.list().map(summaryOf) });
    if (api?.startsWith('requests/') && get) {
      const found = this.log.find(Number(api.slice('requests/'.length)));
      return found
        ? this.json(res, 200, entryOf(found))
        : this.json(res, 404, { error: 'no such request (kept: the last 1,000)' });
    }
    if (api === 'throttling' && get) {
      const now = gw.clock.now();
      const readings = await gw.state.store.readCounters?.(now);
      return this.json(res, 200, throttleView(gw.config, readings, now, gw.virtualClock !== undefined));
    }
    if (api === 'config' && get) {
      const facts = { listening: this.listening, watch: this.options.watch, fidelity: this.fidelity };
      return this.json(res, 200, configView(gw, facts, this.reload, this.log));
    }
    if (api === 'clock') {
      if (!gw.virtualClock) return this.json(res, 404, { error: 'no virtual clock: start apig serve with --clock' });
      handleClock(gw.virtualClock, req, res);
      return;
    }
    if (api === 'try' && method === 'POST') {
      const input = tryInput(await readJson(req));
      return this.json(res, 200, await tryIt(input, gw.config.workspace.apps, this.listening, gw.clock.now()));
    }
    req.resume();
    this.json(res, get || api !== undefined ? 404 : 405, { error: `nothing at ${path} for ${method}` });
  }

  private events(gw: Gateway, req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    // HEAD: the headers only. It is no page: it must neither stay open nor turn tracing on.
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    res.write('retry: 2000\n\n');
    this.pages.add(res);
    if (this.pages.size === 1) gw.watched(true);
    const timer = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    timer.unref();
    const gone = (): void => {
      clearInterval(timer);
      if (this.pages.delete(res) && this.pages.size === 0) gw.watched(false);
    };
    req.on('close', gone);
    res.on('close', gone);
  }
}
