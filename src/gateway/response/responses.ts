/**
 * Renders a gateway error as APIG does (ruling 1): the body template of the API's gateway response for the
 * error's type (x-apigateway-responses, x-apigateway.md §18) with `$context.*` filled in (escaped for the
 * body's content type, request/context-vars.ts escapeFor), its status and headers; the built-in `default` template and
 * the type's default status where the group says nothing.
 */
import type { GatewayResponseEntry } from '../../core/model.js';
import type { RequestContext } from '../request/context.js';
import { escapeFor, substituteContext, verbatim } from '../request/context-vars.js';
import { ERRORS, TYPE_DEFAULT_STATUS, type GatewayFailure } from './errors.js';

/** The `default` gateway response body (002 §5.1.4; errors-and-limits.md §2.1), in its field order. */
export const DEFAULT_TEMPLATE =
  '{"error_code": "$context.error.code", "error_msg": "$context.error.message", "request_id": "$context.requestId"}';

export interface RenderedError {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

function entryFor(ctx: RequestContext, type: string): GatewayResponseEntry | undefined {
  const sets = ctx.group?.responses;
  if (!sets) return undefined;
  const own = ctx.hit ? sets.get(ctx.hit.api.responseSet)?.entries[type] : undefined;
  return own ?? sets.get('default')?.entries[type];
}

/**
 * A filled-in header template as a value Node can send: control characters (an error message may hold line
 * breaks) become spaces, and text beyond Latin-1 goes out as its UTF-8 bytes, as nginx would send it.
 */
export function headerSafe(value: string): string {
  const plain = value.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ' ');
  return /[^\u0000-\u00ff]/.test(plain) ? Buffer.from(plain, 'utf8').toString('latin1') : plain;
}

export function renderError(f: GatewayFailure, ctx: RequestContext): RenderedError {
  const entry = ERRORS[f.id];
  const custom = entryFor(ctx, entry.type);
  const status = custom?.status ?? TYPE_DEFAULT_STATUS[entry.type] ?? entry.status;
  const bodies = custom?.body ? Object.entries(custom.body) : [];
  const [contentType, template] = bodies.find(([t]) => t.toLowerCase().includes('json')) ??
    bodies[0] ?? ['application/json', DEFAULT_TEMPLATE];
  const headers: Array<[string, string]> = [['content-type', contentType]];
  for (const [k, v] of Object.entries(custom?.headers ?? {}))
    headers.push([k, headerSafe(substituteContext(v, ctx, f, verbatim))]);
  return { status, headers, body: substituteContext(template, ctx, f, escapeFor(contentType)) };
}
