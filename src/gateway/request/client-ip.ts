/**
 * The client IP that access control, throttling, `source` conditions and `$context.sourceIp` use. The gateway
 * uses `$remote_addr`, the TCP peer (000 §5.2.3); with `real_ip_from_xff` on (or `--trust-xff`) it takes the
 * X-Forwarded-For entry at `real_ip_index` (004 §5): 0-based from the left, negative from the right, -1 (the
 * default) the last. A request without X-Forwarded-For keeps the peer.
 */
import { isIP } from 'node:net';
import { headerValue, type RequestContext } from './context.js';
import { normalizeIp } from '../../core/ip-entry.js';

/**
 * An address from X-Forwarded-For in one spelling, or undefined when it is none: IPv6 compressed and lower-case,
 * without a zone (`fe80::1%eth0`: a zone names an interface of the machine that wrote it, not a client), and
 * IPv4-mapped IPv6 as IPv4. The client writes this text and it keys the per-IP throttle counters: kept as sent,
 * one address could be spelt many ways, each with its own count, and a zone of 30 KB made each key 30 KB.
 */
function canonicalIp(written: string): string | undefined {
  const zone = written.indexOf('%');
  const ip = normalizeIp(zone === -1 ? written : written.slice(0, zone));
  const family = isIP(ip);
  if (family !== 6) return family === 4 ? ip : undefined;
  try {
    return normalizeIp(ipv4Mapped(new URL(`http://[${ip}]/`).hostname.slice(1, -1)));
  } catch {
    return undefined;
  }
}

/** `::ffff:a00:1` (how URL writes an IPv4-mapped address) → `::ffff:10.0.0.1`, which normalizeIp reads. */
function ipv4Mapped(ip: string): string {
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (!m) return ip;
  const hi = Number.parseInt(m[1] as string, 16);
  const lo = Number.parseInt(m[2] as string, 16);
  return `::ffff:${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** The client IP, or undefined when the trusted X-Forwarded-For names no address (APIG.0401). */
export function resolveClientIp(ctx: RequestContext): string | undefined {
  if (ctx.clientIp !== undefined) return ctx.clientIp;
  let ip = normalizeIp(ctx.sourceIp);
  if (ctx.config.trustXff) {
    const xff = headerValue(ctx.headers, 'x-forwarded-for');
    if (xff !== undefined && xff.trim() !== '') {
      const parts = xff.split(',').map((p) => p.trim());
      const index = ctx.config.workspace.instance.real_ip_index;
      const picked = parts[index >= 0 ? index : parts.length + index];
      const canonical = picked === undefined ? undefined : canonicalIp(picked);
      if (canonical === undefined) return undefined;
      ip = canonical;
    }
  }
  ctx.clientIp = ip;
  return ip;
}

/**
 * The client IP, falling back to the TCP peer where X-Forwarded-For is unusable (the ACL stage refuses those first).
 */
export function clientIpOf(ctx: RequestContext): string {
  return resolveClientIp(ctx) ?? normalizeIp(ctx.sourceIp);
}
