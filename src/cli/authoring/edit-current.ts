/**
 * The answers that `apig add` would need to make a thing as it is: what `apig edit` pre-fills its questions
 * with. What the questions cannot say (a second backend address, an app authorized for other APIs in each
 * environment) is read as the nearest answer; edit changes only what an answer changes, so it stays as written.
 */
import { apiAuth } from '../../core/defaults.js';
import type { Backend, BackendPolicy, Condition } from '../../core/model.js';
import type { Thing } from '../../workspace/authoring/things.js';
import type { Answers, Item } from './fields.js';
import { AUTHORING_BACKENDS } from './flows/backend.js';
import { exampleOf } from './flows/body-schema.js';

const defined = (o: Answers): Answers => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Whether `apig add` can write this backend type (not HTTP-VPC-MEMBER-GROUP). */
export function authorable(backend: Backend | undefined): boolean {
  return backend === undefined || (AUTHORING_BACKENDS as readonly string[]).includes(backend.type);
}

function backendAnswers(b: Backend | undefined): Answers {
  if (b === undefined || !authorable(b)) return {};
  switch (b.type) {
    case 'MOCK':
      return { backendType: 'MOCK', mockBody: b.mock.resultContent };
    case 'HTTP':
      return defined({
        backendType: 'HTTP',
        address: b.http.address[0],
        backendScheme: b.http.scheme,
        backendMethod: b.http.method,
        backendPath: b.http.path,
        timeout: b.http.timeout,
      });
    case 'HTTP-VPC':
      return defined({
        backendType: 'HTTP-VPC',
        vpcChannel: b.vpc.name,
        backendScheme: b.vpc.scheme,
        backendMethod: b.vpc.method,
        backendPath: b.vpc.path,
        timeout: b.vpc.timeout,
      });
    case 'FUNCTION':
      return defined({
        backendType: 'FUNCTION',
        functionUrn: b.function.functionUrn,
        functionVersion: b.function.version,
        invocationType: b.function.invocationType,
        timeout: b.function.timeout,
      });
    default:
      return {};
  }
}

function conditionItem(c: Condition): Item {
  const slot = c.origin === 'param' ? 'condParam' : c.origin === 'system' ? 'condSystem' : 'condName';
  return Object.fromEntries(
    Object.entries({
      condOrigin: c.origin,
      ...(c.parameter !== undefined ? { [slot]: c.parameter } : {}),
      condType: c.type,
      condValue: c.value,
    }).filter(([, v]) => v !== undefined),
  ) as Item;
}

function policyAnswers(p: BackendPolicy): Answers {
  return defined({
    effectMode: p.effectMode ?? 'ANY',
    conditions: p.conditions.map(conditionItem),
    ...backendAnswers(p),
  });
}

/** The thing's answers, keyed as the add flow's fields are. */
export function currentAnswers(thing: Thing): Answers {
  switch (thing.kind) {
    case 'api': {
      const { api, group } = thing;
      const auth = apiAuth(group.model, api);
      return defined({
        method: api.method,
        path: api.path,
        matchMode: api.matchMode,
        description: api.description,
        auth: auth.type,
        authorizer: auth.authorizer,
        params: api.params
          .filter((p) => p.location === 'QUERY' || p.location === 'HEADER')
          .map((p) => ({
            paramName: p.name,
            paramIn: p.location,
            paramType: p.swaggerType === 'number' || p.swaggerType === 'integer' ? 'NUMBER' : 'STRING',
            paramRequired: p.required === true,
          })),
        body: exampleOf(api),
        ...backendAnswers(api.backend),
        throttle: api.throttle ?? '',
        acl: api.acl ?? '',
        cors: api.cors === true,
      });
    }
    case 'app': {
      const { app } = thing;
      const envs = Object.keys(app.authorize);
      const apis = [...new Set(Object.values(app.authorize).flat())];
      return defined({
        key: app.key,
        secret: app.secret.written,
        authorizeEnvs: envs,
        ...(envs.length > 0 ? { authorizeApis: apis } : {}),
      });
    }
    case 'env':
      return defined({
        description: thing.env.description,
        variables: Object.entries(thing.env.variables).map(([varName, varValue]) => ({ varName, varValue })),
      });
    case 'throttle': {
      const p = thing.group.model.throttles.find((t) => t.name === thing.name);
      return p
        ? defined({
            apiLimit: p.apiLimit,
            userLimit: p.userLimit,
            appLimit: p.appLimit,
            ipLimit: p.ipLimit,
            interval: p.interval,
            unit: p.unit,
            shared: p.shared === true,
          })
        : {};
    }
    case 'acl': {
      const p = thing.group.model.acls.find((t) => t.name === thing.name);
      return p ? { aclType: p.aclType, entityType: p.entityType, values: p.values.join(',') } : {};
    }
    case 'backend-policy':
      return policyAnswers(thing.policy);
  }
}
