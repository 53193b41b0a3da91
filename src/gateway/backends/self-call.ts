/**
 * An API whose backend is this gateway (errors-and-limits.md §1.1, APIG.0612 "An API cannot call itself.";
 * recursion may not exceed 10 levels, 001 §7.10). The emulator recognises a call to itself (a loopback or
 * its own address, on a port it listens on) and counts the depth in `X-Apig-Call-Depth`, a header it
 * adds only on such calls and never forwards elsewhere (x-apig-* names are the gateway's own).
 */
import { isIP } from 'node:net';
import { normalizeIp } from '../../core/ip-entry.js';
import { headerValue, type RequestContext } from '../context.js';

export const CALL_DEPTH_HEADER = 'x-apig-call-depth';
/** 001 §7.10: a recursive call deeper than this is refused. */
export const MAX_CALL_DEPTH = 10;

function isLoopback(host: string): boolean {
  const ip = normalizeIp(host.replace(/^\[|\]$/g, ''));
  if (host.toLowerCase() === 'localhost' || ip === '::1' || ip === '0.0.0.0' || ip === '::') return true;
  return isIP(ip) === 4 && ip.startsWith('127.');
}

/** Whether a backend target is this gateway. */
export function isSelf(ctx: RequestContext, hostname: string, port: number, selfPorts: ReadonlySet<number>): boolean {
  if (!selfPorts.has(port)) return false;
  return isLoopback(hostname) || normalizeIp(hostname) === normalizeIp(ctx.localAddress);
}

/** The depth the next call carries, or undefined when it would pass the limit. */
export function nextCallDepth(ctx: RequestContext): number | undefined {
  const given = Number(headerValue(ctx.headers, CALL_DEPTH_HEADER) ?? 0);
  const depth = (Number.isInteger(given) && given > 0 ? given : 0) + 1;
  return depth > MAX_CALL_DEPTH ? undefined : depth;
}
