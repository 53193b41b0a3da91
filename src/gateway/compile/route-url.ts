/**
 * A URL that reaches an API on the running gateway, for the route table: the listening address for the group
 * that calls by IP reach (the only group, or DEFAULT), the group's local domain for the others
 * (local-domain.ts), and a value in place of each `{param}`, so that the URL is one to call, not a template.
 */
import { callableUrl } from '../../core/callable-url.js';
import { paramType } from '../../core/defaults.js';
import type { Param } from '../../core/model.js';
import type { CompiledApi, GatewayConfig } from './compiled.js';
import { parsePattern } from './route-pattern.js';

/** A value the parameter accepts: its sample, default or first enum value, else one of its type and lengths. */
function sampleValue(name: string, p: Param | undefined): string {
  const given = p?.sample ?? p?.default ?? p?.enum?.[0];
  if (given !== undefined && String(given) !== '') return String(given);
  if (p !== undefined && paramType(p) === 'NUMBER') {
    const low = p.minimum ?? (p.maximum !== undefined && p.maximum < 1 ? p.maximum : 1);
    return String(p.swaggerType === 'integer' || p.swaggerType === 'long' ? Math.ceil(low) : low);
  }
  if (p?.swaggerType === 'boolean') return 'true';
  const short = p?.maxLength !== undefined && p.maxLength > 0 ? name.slice(0, p.maxLength) : name;
  return short.padEnd(p?.minLength ?? 0, 'x');
}

/** Percent-encoded, `'` too (a quote would end the shell word the URL is printed in); a lone surrogate as U+FFFD. */
function percent(text: string): string {
  const whole = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return encodeURIComponent(whole).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Static text as sent in a path: what is not a path character percent-encoded, as are `'` and the `{}[]` curl
 * reads as globs (the router decodes segments before it compares them with static text).
 */
function encodeStatic(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~!$&()*+,;=:@]/gu, percent);
}

/** The API's path with a value in each parameter segment (`/users/{id}` → `/users/1` for an integer id). */
export function samplePath(c: CompiledApi): string {
  const pattern = parsePattern(c.path, c.api.method, c.api.matchMode ?? 'NORMAL');
  const params = c.params.filter((p) => p.location === 'PATH');
  const segments = pattern.segments.map((s) => {
    if (s.kind === 'static') return encodeStatic(s.text);
    const param = params.find((p) => p.name === s.text || p.name === `${s.text}+`);
    return percent(sampleValue(s.text, param));
  });
  return `/${segments.join('/')}${pattern.slash ? '/' : ''}`;
}

/** `listening` is the gateway's `http://ADDRESS:PORT`. */
export function routeUrl(c: CompiledApi, config: GatewayConfig, listening: string): string {
  const base = new URL(callableUrl(listening));
  const port = base.port === '' ? '' : `:${base.port}`;
  const host = c.group === config.fallback ? base.host : `${c.group.localDomain}${port}`;
  return `${base.protocol}//${host}${samplePath(c)}`;
}
