/** `apig add backend-policy`: a policy backend of one API, chosen by conditions (002 §5.2.1, x-apigateway.md §9). */
import {
  CONDITION_ORIGINS,
  CONDITION_TYPES,
  EFFECT_MODES,
  type Api,
  type BackendPolicy,
  type Condition,
  type ConditionOrigin,
  type ConditionType,
  type EffectMode,
} from '../../../core/model.js';
import { withGroupModel } from '../../../lint/candidate.js';
import type { RuleId } from '../../../lint/presets.js';
import { groupOf, str, type FlowContext } from '../context.js';
import type { Answers, Field, Item, ItemField, Verdict } from '../fields.js';
import { AUTHORING_BACKENDS, backendFields, buildBackend, type AuthoringBackend } from './backend.js';
import { groupField } from './common.js';

const ORIGIN_DESCRIPTIONS = {
  param: 'a request parameter of the API',
  source: 'the client IP address',
  system: 'req_path or req_method',
  cookie: 'a cookie',
  frontend_authorizer: 'a value the custom authorizer returned',
} as const satisfies Record<ConditionOrigin, string>;

/** `origin:parameter:type:value`, or `source:value` for client IPs; the value may hold ":". */
export function parseCondition(spec: string): Item | string {
  const [origin, ...rest] = spec.split(':');
  if (!origin || rest.length === 0) return 'expected origin:parameter:type:value (or source:IPs)';
  if (origin.trim().toLowerCase() === 'source') return { condOrigin: 'source', condValue: rest.join(':') };
  const [parameter, type, ...value] = rest;
  if (parameter === undefined || type === undefined || value.length === 0)
    return 'expected origin:parameter:type:value';
  const slot =
    origin.trim().toLowerCase() === 'param'
      ? 'condParam'
      : origin.trim().toLowerCase() === 'system'
        ? 'condSystem'
        : 'condName';
  return { condOrigin: origin, [slot]: parameter, condType: type, condValue: value.join(':') };
}

export function condition(item: Item): Condition {
  const origin = (str(item.condOrigin) ?? 'param') as ConditionOrigin;
  const parameter = str(item.condParam) ?? str(item.condSystem) ?? str(item.condName);
  return {
    origin,
    value: str(item.condValue) ?? '',
    ...(origin !== 'source' ? { type: (str(item.condType) ?? 'exact') as ConditionType } : {}),
    ...(origin !== 'source' && parameter !== undefined ? { parameter } : {}),
  };
}

function apiOf(ctx: FlowContext, a: Answers): Api | undefined {
  return groupOf(ctx, a).model.apis.find((x) => x.name === a.api);
}

/** Which policy backend types the API's default backend allows (policy-backends). */
function allowed(api: Api | undefined): readonly AuthoringBackend[] {
  const t = api?.backend?.type;
  return t === 'MOCK'
    ? ['MOCK']
    : t === 'FUNCTION'
      ? ['FUNCTION']
      : t === undefined
        ? AUTHORING_BACKENDS
        : ['HTTP', 'HTTP-VPC'];
}

export function buildPolicy(ctx: FlowContext, a: Answers): { api: Api; policy: BackendPolicy } | undefined {
  const api = apiOf(ctx, a);
  if (!api) return undefined;
  const items = Array.isArray(a.conditions) ? (a.conditions as Item[]) : [];
  const current = typeof a.condOrigin === 'string' ? [condition(a as Item)] : [];
  const backend = buildBackend(a, { method: api.method, path: api.path }, allowed(api)[0] ?? 'HTTP');
  const policy: BackendPolicy = {
    ...backend,
    name: str(a.name) ?? 'placeholder',
    effectMode: (str(a.effectMode) ?? 'ANY') as EffectMode,
    conditions: [...items.map(condition), ...current],
  };
  return { api, policy };
}

export function policyCandidate(ctx: FlowContext, a: Answers) {
  const group = groupOf(ctx, a);
  const built = buildPolicy(ctx, a);
  if (!built) return ctx.ws;
  const apis = group.model.apis.map((x) =>
    x === built.api ? { ...x, policies: [...(x.policies ?? []), built.policy] } : x,
  );
  return withGroupModel(ctx.ws, group.ref.name, { ...group.model, apis });
}

export function backendPolicyFields(ctx: FlowContext): Field[] {
  const check = (a: Answers, rules: readonly RuleId[]): Verdict => ctx.check(policyCandidate(ctx, a), rules);
  const is =
    (...o: ConditionOrigin[]) =>
    (a: Answers) =>
      o.includes(a.condOrigin as ConditionOrigin);
  const conditionFields: ItemField[] = [
    {
      key: 'condOrigin',
      flag: 'condition-origin',
      kind: 'select',
      message: 'Condition on',
      choices: () => CONDITION_ORIGINS.map((o) => ({ value: o, description: ORIGIN_DESCRIPTIONS[o] })),
      default: () => 'param',
      validate: (o, a) =>
        o === 'param' && (apiOf(ctx, a)?.params.length ?? 0) === 0
          ? `API ${String(a.api)} has no request parameters to test`
          : undefined,
    },
    {
      key: 'condParam',
      flag: 'condition-param',
      kind: 'select',
      message: 'Request parameter',
      when: is('param'),
      required: true,
      choices: (a) => (apiOf(ctx, a)?.params ?? []).map((p) => ({ value: p.name, description: p.location })),
      validate: (_, a) => check(a, ['policy-conditions']),
    },
    {
      key: 'condSystem',
      flag: 'condition-system',
      kind: 'select',
      message: 'System parameter',
      when: is('system'),
      required: true,
      choices: () => [{ value: 'req_path' }, { value: 'req_method' }],
    },
    {
      key: 'condName',
      flag: 'condition-name',
      kind: 'text',
      message: 'Name',
      when: is('cookie', 'frontend_authorizer'),
      required: true,
    },
    {
      key: 'condType',
      flag: 'condition-type',
      kind: 'select',
      message: 'Match',
      when: (a) => !is('source')(a),
      choices: () => CONDITION_TYPES.map((t) => ({ value: t })),
      default: () => 'exact',
      validate: (_, a) => check(a, ['policy-conditions']),
    },
    {
      key: 'condValue',
      flag: 'condition-value',
      kind: 'text',
      message: 'Value (IPs or CIDRs for source, comma-separated for enum)',
      required: true,
      validate: (_, a) => check(a, ['policy-conditions']),
    },
  ];
  return [
    groupField(ctx),
    {
      key: 'api',
      flag: 'api',
      kind: 'select',
      message: 'API',
      required: true,
      choices: (a) => groupOf(ctx, a).model.apis.map((x) => ({ value: x.name, description: `${x.method} ${x.path}` })),
    },
    {
      key: 'name',
      flag: 'name',
      kind: 'text',
      message: 'Policy name',
      required: true,
      validate: (_, a) => check(a, ['policy-name']),
    },
    {
      key: 'effectMode',
      flag: 'effect-mode',
      kind: 'select',
      message: 'Effective when',
      choices: () =>
        EFFECT_MODES.map((m) => ({
          value: m,
          description: m === 'ANY' ? 'any condition matches' : 'all conditions match',
        })),
      default: () => 'ANY',
    },
    {
      key: 'conditions',
      flag: 'condition',
      kind: 'list',
      message: 'Conditions',
      more: 'Add another condition?',
      min: 1,
      required: true,
      item: conditionFields,
      parse: parseCondition,
      validate: (_, a) => check(a, ['policy-conditions', 'policy-backends']),
    },
    ...backendFields({
      ws: ctx.ws,
      allowed: (a) => allowed(apiOf(ctx, a)),
      defaultType: (a) => allowed(apiOf(ctx, a))[0] ?? 'HTTP',
      front: (a) => ({ method: apiOf(ctx, a)?.method ?? 'GET', path: apiOf(ctx, a)?.path ?? '/' }),
      check,
    }),
  ];
}
