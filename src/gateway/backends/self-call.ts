/**
 * An API whose backend is this gateway (errors-and-limits.md §1.1, APIG.0612 "An API cannot call itself.";
 * recursion may not exceed 10 levels, 001 §7.10). The emulator recognises a call to itself (a loopback or
 * its own address, on a port it listens on) and counts the depth in `X-Apig-Call-Depth`, a header it
 * adds only on such calls and never forwards elsewhere (x-apig-* names are the gateway's own).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { normalizeIp } from '../../core/ip-entry.js';
import { headerValue, type RequestContext } from '../request/context.js';

export const CALL_DEPTH_HEADER = 'x-apig-call-depth';
/** 001 §7.10: a recursive call deeper than this is refused. */
export const MAX_CALL_DEPTH = 10;

/** An IP literal in one spelling per address (`[0:0:0:0:0:0:0:1]` is `::1`, `::ffff:127.0.0.1` is `127.0.0.1`). */
function canonicalIp(host: string): string | undefined {
  const bare = normalizeIp(host.replace(/^\[|\]$/g, ''));
  if (isIP(bare) === 4) return bare;
  if (isIP(bare) !== 6) return undefined;
  return normalizeIp(new URL(`http://[${bare}]/`).hostname.replace(/^\[|\]$/g, ''));
}

function isLocal(ip: string, own: string | undefined): boolean {
  if (ip === '::1' || ip === '::' || ip === '0.0.0.0' || ip.startsWith('127.') || ip === own) return true;
  return Object.values(networkInterfaces()).some((list) => list?.some((i) => canonicalIp(i.address) === ip));
}

/**
 * Whether a backend target is this gateway: one of its ports, on an address of this machine (a host name
 * is resolved; only targets on a port the gateway listens on get that far).
 */
export async function isSelf(
  ctx: RequestContext,
  hostname: string,
  port: number,
  selfPorts: ReadonlySet<number>,
): Promise<boolean> {
  if (!selfPorts.has(port)) return false;
  const own = canonicalIp(ctx.localAddress);
  const literal = canonicalIp(hostname);
  if (literal !== undefined) return isLocal(literal, own);
  const found = await lookup(hostname, { all: true }).catch(() => []);
  return found.some((a) => {
    const ip = canonicalIp(a.address);
    return ip !== undefined && isLocal(ip, own);
  });
}

/** The depth the next call carries, or undefined when it would pass the limit. */
export function nextCallDepth(ctx: RequestContext): number | undefined {
  const given = Number(headerValue(ctx.headers, CALL_DEPTH_HEADER) ?? 0);
  const depth = (Number.isInteger(given) && given > 0 ? given : 0) + 1;
  return depth > MAX_CALL_DEPTH ? undefined : depth;
}
