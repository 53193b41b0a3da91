import type { Rule } from '../types.js';
import { join } from '../../core/pointer.js';
import { ipEntryProblem } from '../../core/ip-entry.js';
import { pathParamName } from '../../core/defaults.js';

const SYSTEM_NAMES = ['req_path', 'req_method', 'reqPath', 'reqMethod'];

export default {
  meta: {
    id: 'policy-conditions',
    category: 'policies',
    description:
      'Policy conditions have a valid origin, type and value: parameters exist, ' +
      'source values are IPs or CIDRs, patterns compile, reqMethod only with exact or enum.',
    source:
      'User Guide §5.2.1 "Creating an API", table 5-10 (policy conditions 策略条件); ' +
      'Extension Definitions: x-apigateway-backend-policies.conditions; API Reference: ' +
      'Creating an API (condition origins and types); Best Practices §10.1 (authorizer-context conditions)',
    rationale:
      'A condition on a parameter the API does not define, ' +
      'or on an authorizer context without custom authentication, can never match.',
  },
  create(ctx) {
    return {
      BackendPolicy(b) {
        const { site } = b;
        b.backend.conditions.forEach((c, j) => {
          const report = (m: string, field = ''): void => {
            const at = join(b.at, 'conditions', j);
            ctx.report({ group: site.group, path: field ? `${at}/${field}` : at }, m);
          };
          if (c.origin !== 'source' && c.type === undefined)
            report('condition needs a type: exact, enum or pattern', 'type');
          if (c.origin !== 'source' && (c.parameter ?? '') === '')
            report(`a ${c.origin} condition needs the name of what it tests (parameter)`);
          switch (c.origin) {
            case 'source':
              for (const e of c.value
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean)) {
                const problem = ipEntryProblem(e);
                if (problem) report(problem, 'value');
              }
              break;
            case 'param':
              // A greedy PATH parameter declared as `p+` is the parameter `p`.
              if (
                c.parameter &&
                !site.api.params.some((p) => (p.location === 'PATH' ? pathParamName(p.name) : p.name) === c.parameter)
              )
                report(
                  `condition parameter "${c.parameter}" is not a request parameter of ${site.api.name}`,
                  'parameter',
                );
              break;
            case 'system':
              if (c.parameter && !SYSTEM_NAMES.includes(c.parameter))
                report(`system condition parameter must be req_path or req_method, not "${c.parameter}"`, 'parameter');
              if ((c.parameter === 'req_method' || c.parameter === 'reqMethod') && c.type === 'pattern')
                report('reqMethod conditions allow only exact or enum (User Guide §5.2.1)', 'type');
              break;
            case 'frontend_authorizer':
              if (site.auth.authorizer === undefined && site.authComplete)
                report('an authorizer-context condition needs custom (or dual) authentication');
              break;
            case 'cookie':
              break;
          }
          if (c.type === 'pattern') {
            try {
              new RegExp(c.value);
            } catch {
              report(`pattern "${c.value}" is not a valid regular expression`, 'value');
            }
          }
        });
      },
    };
  },
} satisfies Rule;
