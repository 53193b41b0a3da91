/**
 * Access control by account (002 §5.4.1: "帐号名", IAM account names; REST DOMAIN_ID: account IDs), after app
 * authorization (ruling 2). The caller's account is the IAM identity's `domain` (or `domainId`): sub-users
 * count as their account. A DENY list refuses its accounts (403 APIG.0302); a PERMIT list refuses every other
 * IAM account (APIG.0302) and every caller without one (not IAM-authenticated: 403 APIG.0306 "API access denied.").
 */
import { boundOf } from '../../compile/bindings.js';
import { traceStep, type RequestContext } from '../context.js';
import { failure } from '../../response/errors.js';
import { fail, NEXT, type StageOutcome } from '../stage.js';

export function accountAcl(ctx: RequestContext): StageOutcome {
  // A CORS preflight is checked as a call without an account (the OPTIONS API is "no authentication", cors.ts).
  const acls = boundOf(ctx).acls.filter((a) => a.entityType !== 'IP');
  if (acls.length === 0) {
    if (ctx.trace) traceStep(ctx, 'account-acl', 'no account policy bound');
    return NEXT;
  }
  const id = ctx.identity;
  for (const acl of acls) {
    const account = id?.kind === 'iam' ? (acl.entityType === 'DOMAIN' ? id.domain : id.domainId) : undefined;
    const listed = account !== undefined && acl.accounts.has(account);
    if (listed === (acl.type === 'DENY')) {
      const why =
        account === undefined
          ? 'the caller has no IAM account'
          : listed
            ? `account ${account} is on the deny list`
            : `account ${account} is not on the allow list`;
      traceStep(ctx, 'account-acl', 'refused', { policy: acl.name, type: acl.type, why });
      return fail(failure(id?.kind === 'iam' ? 'ACCOUNT_DENIED' : 'ACCESS_DENIED', `${why} of ${acl.name}`));
    }
  }
  if (ctx.trace) traceStep(ctx, 'account-acl', 'allowed', { policies: acls.map((a) => `${a.name} (${a.type})`) });
  return NEXT;
}
