/**
 * The plain request context every pipeline stage reads and fills in (STYLE habit 6): what came off the wire,
 * then the group, environment, route, parameters and backend call as stages decide them. No sockets here,
 * so stages are tested by building a context by hand.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { BackendParam, Param } from '../../core/model.js';
import type { AuthContext, Identity } from '../auth/identity.js';
import type { BackendCall } from './backend-call.js';
import type { CompiledBackend } from '../backends/compile.js';
import type { CompiledApi, CompiledGroup, GatewayConfig } from '../compile/compiled.js';
import type { Services } from '../state.js';
import type { TraceEvent } from './trace.js';
import type { RateLimitView } from '../throttle/rate-limit-headers.js';

/** The header lines of a request head as sent (transport/head-sizes.ts): what the documented size limits count. */
export interface HeadSize {
  /** All header lines' bytes, each with its line end (the request line not included). */
  total: number;
  /** The longest header line, with its line end, and its name. */
  longest: number;
  longestName: string;
}

/** What the server read off the wire. */
export interface WireRequest {
  method: string;
  /** The request target as sent (origin form, e.g. `/a/b?x=1`). */
  url: string;
  httpVersion: string;
  /** Name, value, name, value... exactly as received (duplicates kept). */
  rawHeaders: readonly string[];
  /** Node's view: lower-case names, most duplicates joined. */
  headers: IncomingHttpHeaders;
  scheme: 'http' | 'https';
  sourceIp: string;
  /** The listening address the request came in on (`$context.serverAddr`). */
  localAddress: string;
  /**
   * The head's header lines as sent, when measured: Node drops the whitespace before a header value unseen, so
   * its headers alone undercount them.
   */
  head?: HeadSize | undefined;
}

export interface RouteHit {
  api: CompiledApi;
  /** Decoded `{param}` values by name. */
  pathParams: Record<string, string>;
  /** For prefix match: the rest of the request path, appended to the backend path (002 §5.2.1). */
  remainder: string;
  /**
   * A trailing `{name+}`'s segments as sent (escapes kept): the backend path gets these segments, so an encoded
   * slash inside one stays encoded, as the router read it.
   */
  greedy?: { name: string; asSent: string };
}

export interface RequestContext extends WireRequest {
  readonly config: GatewayConfig;
  readonly requestId: string;
  /** Clock time when the request arrived (for X-Apig-Latency). */
  readonly receivedAt: number;
  /** The path part of the target, raw; and the query string without `?`. */
  readonly path: string;
  readonly query: string;
  /**
   * The host of an absolute-form target (`GET http://a.example.com/x`), lower-case, with its port: it replaces
   * the Host header (RFC 9112 §3.2.2). Undefined for the usual origin form.
   */
  readonly authority: string | undefined;
  /** Collected only when asked for (--trace or the request header): tracing costs nothing otherwise. */
  trace: TraceEvent[] | undefined;
  group?: CompiledGroup;
  /** The environment (X-Stage, default RELEASE). */
  env?: string;
  hit?: RouteHit;
  /** Front-end parameter values after validation, defaults injected, by location. */
  params?: ParamValues;
  call?: BackendCall;
  /** State and callables shared across requests (throttle counters, authorizer cache, modules). */
  readonly services: Services;
  /** The body, read on demand (signature verification, authorizers with need_body, backend signing). */
  bodySource: BodySource | undefined;
  /** The client address ACLs, throttling and conditions use (client-ip.ts); set on first use. */
  clientIp: string | undefined;
  /** Who the authentication stage found. */
  identity: Identity | undefined;
  /** The custom authorizers' context maps (`$context.authorizer.frontend.*` / `.backend.*`). */
  authorizer: { frontend?: AuthContext; backend?: AuthContext } | undefined;
  /** CORS handling decided for this request (002 §5.2.2). */
  cors: 'simple' | 'preflight' | undefined;
  /** `X-Apig-RateLimit-*` values for debug mode (ruling 5). */
  rateLimits: RateLimitView | undefined;
  /** The backend a policy chose (002 §8.3.15), else undefined: the API's default backend answers. */
  chosen: ChosenBackend | undefined;
}

export interface ChosenBackend {
  backend: CompiledBackend;
  params: BackendParam[];
  policy: string;
}

export interface BodySource {
  read(): Promise<Buffer>;
  /** Set once read: the dispatch then sends these bytes instead of the (consumed) request stream. */
  buffered?: Buffer;
  /** Set when reading found the body over `request_body_size`: the answer is then 413, whatever a stage made of it. */
  tooLarge?: boolean;
}

export interface ParamValues {
  path: Record<string, string>;
  query: Record<string, string>;
  /** Lower-case header names. */
  header: Record<string, string>;
  /** The optional parameters left out (absent or empty) whose default was injected; only when there are any. */
  defaulted?: Param[];
}

/** `scheme://authority` then the path and query, as sent (RFC 9112 §3.2.2 absolute-form). */
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)(.*)$/;

/**
 * The target's path (raw) and query string; for an absolute-form target also its authority. The path is taken
 * as sent, never resolved (a URL parser would drop `..` segments that the route stage must see).
 */
export function splitTarget(url: string): { path: string; query: string; authority: string | undefined } {
  let target = url;
  let authority: string | undefined;
  const absolute = target.startsWith('/') ? null : ABSOLUTE.exec(target);
  if (absolute) {
    authority = hostOf(withoutUserInfo(absolute[1] as string));
    const rest = absolute[2] as string;
    target = rest.startsWith('/') ? rest : `/${rest}`;
  }
  const q = target.indexOf('?');
  return q === -1
    ? { path: target, query: '', authority }
    : { path: target.slice(0, q), query: target.slice(q + 1), authority };
}

/**
 * The authority of an absolute-form target as sent, without user information (`http://u@A.example.com:80/x` →
 * `A.example.com:80`); undefined for the origin form. A client sends the same text as Host (RFC 9112 §3.2.2),
 * so a signature that covers `host` is checked against it: the host that picks the group.
 */
export function sentAuthority(url: string): string | undefined {
  const absolute = url.startsWith('/') ? null : ABSOLUTE.exec(url);
  return absolute ? withoutUserInfo(absolute[1] as string) : undefined;
}

const withoutUserInfo = (authority: string): string => authority.slice(authority.lastIndexOf('@') + 1);

/** `Host.Example.com:81` → `host.example.com:81`: the host and port as URL writes them. */
function hostOf(host: string): string {
  try {
    return new URL(`http://${host}/`).host || host.toLowerCase();
  } catch {
    return host.toLowerCase();
  }
}

/** `services`: the gateway's (Gateway.begin); a context built by hand gets its own (state.ts standaloneServices). */
export function newContext(
  config: GatewayConfig,
  wire: WireRequest,
  requestId: string,
  receivedAt: number,
  trace: boolean,
  services: Services,
): RequestContext {
  const { path, query, authority } = splitTarget(wire.url);
  // Every field written once, in one order: a stable object shape keeps the stages' property reads fast.
  return {
    method: wire.method,
    url: wire.url,
    httpVersion: wire.httpVersion,
    rawHeaders: wire.rawHeaders,
    headers: wire.headers,
    scheme: wire.scheme,
    sourceIp: wire.sourceIp,
    localAddress: wire.localAddress,
    head: wire.head,
    config,
    requestId,
    receivedAt,
    path,
    query,
    authority,
    trace: trace ? [] : undefined,
    group: undefined,
    env: undefined,
    hit: undefined,
    params: undefined,
    call: undefined,
    services,
    bodySource: undefined,
    clientIp: undefined,
    identity: undefined,
    authorizer: undefined,
    cors: undefined,
    rateLimits: undefined,
    chosen: undefined,
  };
}

/** The backend that answers: the chosen policy's, else the API's default for the environment. */
export function currentBackend(ctx: RequestContext): CompiledBackend | undefined {
  return ctx.chosen?.backend ?? ctx.hit?.api.backends.get(ctx.env ?? '');
}

export function traceStep(
  ctx: RequestContext,
  stage: string,
  decision: string,
  detail?: Record<string, unknown>,
): void {
  ctx.trace?.push(detail === undefined ? { stage, decision } : { stage, decision, detail });
}

/** The host the request is for: an absolute-form target's authority, else the Host header (RFC 9112 §3.2.2). */
export function requestHost(ctx: RequestContext): string | undefined {
  return ctx.authority ?? headerValue(ctx.headers, 'host');
}

/** First value of a header (Node joins most duplicates; a few stay arrays). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}
