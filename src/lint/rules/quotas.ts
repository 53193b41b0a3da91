import type { Rule } from '../types.js';
import { join } from '../../core/pointer.js';
import { QUOTA_SOURCES, type QuotaName } from '../quotas.js';

export default {
  meta: {
    id: 'quotas',
    category: 'quotas',
    description:
      'Counts stay within the account quotas (the profile): APIs, groups, ' +
      'environments, variables, apps, AppCodes, throttle and ACL policies, ' +
      'VPC channels and members, parameters per API, APIs per import file, domains per group.',
    source:
      'User Guide §1.5 "Constraints and Limits" (table 1-1); ' +
      'FAQ (2021) §6 (table 6-1); User Guide §8.7.1 (300 APIs per import)',
    rationale:
      'The defaults are the documented quotas of a new account. ' +
      'An instance with raised quotas overrides them with --profile or `quotas:` in .apiglint.yaml.',
  },
  create(ctx) {
    const { ws, quotas } = ctx;
    const over = (name: QuotaName, count: number, what: string): string | undefined =>
      count > quotas[name]
        ? `${count} ${what}; the quota is ${quotas[name]} (${QUOTA_SOURCES[name]}; ` +
          `raise it with --profile if your account has more)`
        : undefined;
    const wsTarget = (path: string) =>
      ws.implicit
        ? { group: ws.groups[0] as NonNullable<(typeof ws.groups)[0]>, path: '' }
        : { workspace: true as const, path };
    return {
      Workspace() {
        const total = ws.groups.reduce((n, g) => n + g.model.apis.length, 0);
        const checks: Array<[string | undefined, string]> = [
          [over('apis', total, 'APIs in the workspace'), '/groups'],
          [over('groups', ws.groups.length, 'groups'), '/groups'],
          [
            over(
              'environments',
              ws.environments.filter((e) => e.name !== 'RELEASE').length,
              'environments besides RELEASE',
            ),
            '/environments',
          ],
          [over('apps', ws.apps.length, 'apps'), '/apps'],
          [over('signatureKeys', ws.signatureKeys.length, 'signature keys'), '/signatureKeys'],
          [over('vpcChannels', ws.vpcChannels.length, 'VPC channels'), '/vpcChannels'],
          [
            over(
              'throttlePolicies',
              ws.groups.reduce((n, g) => n + g.model.throttles.length, 0),
              'throttling policies',
            ),
            '/groups',
          ],
          [
            over(
              'aclPolicies',
              ws.groups.reduce((n, g) => n + g.model.acls.length, 0),
              'access control policies',
            ),
            '/groups',
          ],
        ];
        for (const [message, path] of checks) if (message && ws.groups[0]) ctx.report(wsTarget(path), message);
        ws.environments.forEach((e) => {
          const m = over(
            'variablesPerEnvironment',
            Object.keys(e.variables).length,
            `variables in environment ${e.name}`,
          );
          if (m) ctx.report(wsTarget(join('', 'environments', e.name, 'variables')), m);
        });
        ws.apps.forEach((a, i) => {
          const m = over('appCodesPerApp', a.appCodes.length, `AppCodes for app ${a.name}`);
          if (m) ctx.report(wsTarget(`/apps/${i}/appCodes`), m);
        });
        ws.vpcChannels.forEach((c, i) => {
          const m = over('membersPerChannel', c.members.length, `members in VPC channel ${c.name}`);
          if (m) ctx.report(wsTarget(`/vpcChannels/${i}/members`), m);
        });
        ws.groups.forEach((g, i) => {
          const m = over('domainsPerGroup', g.ref.domains.length, `domains on group ${g.ref.name}`);
          if (m) ctx.report(wsTarget(`/groups/${i}/domains`), m);
          const imp = over(
            'apisPerImport',
            g.model.apis.length,
            `APIs in ${g.shown}, which the console imports in one go`,
          );
          if (imp) ctx.report({ group: g, path: '/paths' }, imp);
        });
      },
      Api(site) {
        if (site.api.params.length <= quotas.parametersPerApi) return;
        const m = over('parametersPerApi', site.api.params.length, `parameters on ${site.api.name}`);
        if (m) ctx.report({ group: site.group, path: join(site.at, 'parameters') }, m);
      },
    };
  },
} satisfies Rule;
