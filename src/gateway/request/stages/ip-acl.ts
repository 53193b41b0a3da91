/**
 * Access control by IP (002 §5.4.1; ruling 2: after CORS, before authentication): a PERMIT list lets only the
 * listed addresses call, a DENY list refuses them; 403 APIG.0402 through the "access denied" response. The
 * address is the client IP of request/client-ip.ts (the TCP peer unless X-Forwarded-For is trusted); a trusted
 * X-Forwarded-For that names no address is APIG.0401 "Unknown client IP address.".
 */
import { boundOf } from '../../compile/bindings.js';
import { resolveClientIp } from '../client-ip.js';
import { traceStep, type RequestContext } from '../context.js';
import { failure } from '../../response/errors.js';
import { ipListed } from '../../compile/ip-list.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';

export function ipAcl(ctx: RequestContext): StageOutcome {
  // Resolved even without a policy: throttling and conditions use it, and a bad trusted header is refused once.
  const ip = resolveClientIp(ctx);
  if (ip === undefined) {
    traceStep(ctx, 'ip-acl', 'refused', { why: 'the trusted X-Forwarded-For names no IP address at real_ip_index' });
    return fail(failure('IP_UNKNOWN', 'X-Forwarded-For (trusted) names no IP address at real_ip_index'));
  }
  // A CORS preflight too: the OPTIONS API is exempt from authentication only (002 §5.2.2; cors.ts).
  const acls = boundOf(ctx).acls.filter((a) => a.ips !== undefined);
  if (acls.length === 0) {
    if (ctx.trace) traceStep(ctx, 'ip-acl', 'no IP policy bound', { clientIp: ip });
    return NEXT;
  }
  for (const acl of acls) {
    const listed = acl.ips !== undefined && ipListed(acl.ips, ip);
    if (listed === (acl.type === 'DENY')) {
      traceStep(ctx, 'ip-acl', 'refused', {
        policy: acl.name,
        type: acl.type,
        clientIp: ip,
        why: listed ? 'listed in a DENY policy' : 'not listed in a PERMIT policy',
      });
      return fail(
        failure(
          'IP_DENIED',
          `client IP ${ip} ${listed ? 'is on the deny list' : 'is not on the allow list'} of ${acl.name}`,
        ),
      );
    }
  }
  if (ctx.trace)
    traceStep(ctx, 'ip-acl', 'allowed', { clientIp: ip, policies: acls.map((a) => `${a.name} (${a.type})`) });
  return NEXT;
}
