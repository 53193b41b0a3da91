/**
 * The client IP that access control, throttling, `source` conditions and `$context.sourceIp` use. The gateway
 * uses `$remote_addr`, the TCP peer (000 §5.2.3); with `real_ip_from_xff` on (or `--trust-xff`) it takes the
 * X-Forwarded-For entry at `real_ip_index` (004 §5): 0-based from the left, negative from the right, -1 (the
 * default) the last. A request without X-Forwarded-For keeps the peer.
 */
import { headerValue, type RequestContext } from './context.js';
import { canonicalIp, normalizeIp } from '../../core/ip-entry.js';

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
