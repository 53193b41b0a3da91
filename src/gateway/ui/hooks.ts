/**
 * What the request path hands the dashboard of `apig serve --ui` (dashboard.ts), and nothing more: the gateway
 * holds these only with `--ui`, and otherwise the request path skips them with one check.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { RequestContext } from '../request/context.js';
import type { Answer } from '../response/answer.js';
import type { RequestEvent } from '../response/events.js';

export interface DashboardHooks {
  /** Whether a request target is the dashboard's (`/_apig/ui...`). */
  handles(url: string): boolean;
  /** Answers a dashboard request (page, JSON, event stream); never enters the pipeline. */
  serve(req: IncomingMessage, res: ServerResponse): void;
  /** A backend's response body is about to be streamed to the client: the dashboard keeps its first bytes. */
  body(ctx: RequestContext, upstream: Readable): void;
  /** A request is over: what it was, what the gateway decided and sent, and its log event. */
  exchange(ctx: RequestContext, answer: Answer, event: RequestEvent): void;
}

/** Every dashboard path starts so. */
export const UI_PATH = '/_apig/ui';

/** Whether a request target (`/path?query`) is the dashboard's: `/_apig/ui`, `/_apig/ui/...`, `/_apig/ui?...`. */
export function isUiTarget(url: string): boolean {
  return url.startsWith(UI_PATH) && (url.length === UI_PATH.length || '/?'.includes(url[UI_PATH.length] ?? ''));
}
