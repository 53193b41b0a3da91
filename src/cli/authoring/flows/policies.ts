/** `apig add throttle` and `apig add acl`: root policies of a group, optionally bound to its APIs. */
import {
  ACL_ENTITY_TYPES,
  ACL_TYPES,
  TIME_UNITS,
  type AclPolicy,
  type Group,
  type ThrottlePolicy,
  type TimeUnit,
} from '../../../core/model.js';
import { withGroupModel } from '../../../lint/candidate.js';
import type { RuleId } from '../../../lint/presets.js';
import { groupOf, num, str, strs, type FlowContext } from '../context.js';
import { type Answers, commaList, type Field, type Verdict } from '../fields.js';
import { bindField, groupField } from './common.js';

/** The group model with the policy added and the chosen APIs pointing at it. */
function bound(
  model: Group,
  apis: readonly string[],
  patch: (api: Group['apis'][number]) => Group['apis'][number],
): Group['apis'] {
  return model.apis.map((api) => (apis.includes(api.name) ? patch(api) : api));
}

export function buildThrottle(a: Answers): ThrottlePolicy {
  const opt = (k: string, v: unknown) => (typeof v === 'number' ? { [k]: v } : {});
  return {
    name: str(a.name) ?? 'placeholder',
    apiLimit: num(a.apiLimit) ?? 1,
    ...opt('userLimit', a.userLimit),
    ...opt('appLimit', a.appLimit),
    ...opt('ipLimit', a.ipLimit),
    interval: num(a.interval) ?? 1,
    unit: (str(a.unit) ?? 'SECOND') as TimeUnit,
    ...(a.shared === true ? { shared: true } : {}),
  };
}

export function throttleCandidate(ctx: FlowContext, a: Answers) {
  const group = groupOf(ctx, a);
  const policy = buildThrottle(a);
  const model = group.model;
  return withGroupModel(ctx.ws, group.ref.name, {
    ...model,
    throttles: [...model.throttles, policy],
    apis: bound(model, strs(a.apis), (api) => ({ ...api, throttle: policy.name })),
  });
}

export function buildAcl(a: Answers): AclPolicy {
  return {
    name: str(a.name) ?? 'placeholder',
    aclType: (str(a.aclType) ?? 'PERMIT') as AclPolicy['aclType'],
    entityType: (str(a.entityType) ?? 'IP') as AclPolicy['entityType'],
    values: commaList(str(a.values) ?? ''),
  };
}

export function aclCandidate(ctx: FlowContext, a: Answers) {
  const group = groupOf(ctx, a);
  const policy = buildAcl(a);
  const model = group.model;
  return withGroupModel(ctx.ws, group.ref.name, {
    ...model,
    acls: [...model.acls, policy],
    apis: bound(model, strs(a.apis), (api) => ({ ...api, acl: policy.name })),
  });
}

function nameField(
  ctx: FlowContext,
  what: 'throttle' | 'acl',
  check: (a: Answers, rules: readonly RuleId[]) => Verdict,
): Field {
  return {
    key: 'name',
    flag: 'name',
    kind: 'text',
    message: 'Policy name',
    required: true,
    validate: (name, a) => {
      const model = groupOf(ctx, a).model;
      const taken =
        what === 'throttle' ? model.throttles.some((t) => t.name === name) : model.acls.some((p) => p.name === name);
      // Policies are keyed by name in one map: a second one would replace the first.
      return taken
        ? `group ${groupOf(ctx, a).ref.name} already has ` +
            `a${what === 'acl' ? 'n access control' : ' throttling'} policy named ${name}`
        : check(a, ['policy-name']);
    },
  };
}

const apisWith = (ctx: FlowContext, key: 'throttle' | 'acl') => (a: Answers) =>
  groupOf(ctx, a).model.apis.map((api) => ({
    name: api.name,
    ...(api[key] !== undefined ? { current: api[key] } : {}),
  }));

export function throttleFields(ctx: FlowContext): Field[] {
  const check = (a: Answers, rules: readonly RuleId[]): Verdict => ctx.check(throttleCandidate(ctx, a), rules);
  const limit = (key: string, flag: string, message: string): Field => ({
    key,
    flag,
    kind: 'integer',
    message,
    validate: (_, a) => check(a, ['throttle-policy']),
  });
  return [
    groupField(ctx),
    nameField(ctx, 'throttle', check),
    {
      key: 'apiLimit',
      flag: 'api-limit',
      kind: 'integer',
      message: 'API limit (requests per interval)',
      required: true,
      default: () => ctx.ws.instance.ratelimit_api_limits,
      validate: (_, a) => check(a, ['throttle-policy']),
    },
    limit('userLimit', 'user-limit', 'User limit (optional)'),
    limit('appLimit', 'app-limit', 'App limit (optional)'),
    limit('ipLimit', 'ip-limit', 'IP limit (optional)'),
    {
      key: 'interval',
      flag: 'interval',
      kind: 'integer',
      message: 'Interval',
      default: () => 1,
      validate: (_, a) => check(a, ['throttle-policy']),
    },
    {
      key: 'unit',
      flag: 'unit',
      kind: 'select',
      message: 'Time unit',
      choices: () => TIME_UNITS.map((u) => ({ value: u })),
      default: () => 'SECOND',
    },
    {
      key: 'shared',
      flag: 'shared',
      kind: 'confirm',
      message: 'Share the API limit among the bound APIs?',
      default: () => false,
    },
    {
      ...bindField('throttle', apisWith(ctx, 'throttle')),
      validate: (_: string[], a: Answers) => check(a, ['throttle-policy']),
    },
  ];
}

export function aclFields(ctx: FlowContext): Field[] {
  const check = (a: Answers, rules: readonly RuleId[]): Verdict => ctx.check(aclCandidate(ctx, a), rules);
  return [
    groupField(ctx),
    nameField(ctx, 'acl', check),
    {
      key: 'aclType',
      flag: 'type',
      kind: 'select',
      message: 'Effect',
      choices: () =>
        ACL_TYPES.map((t) => ({
          value: t,
          description: t === 'PERMIT' ? 'only these may call' : 'these may not call',
        })),
      default: () => 'PERMIT',
    },
    {
      key: 'entityType',
      flag: 'entity',
      kind: 'select',
      message: 'Restrict by',
      choices: () => ACL_ENTITY_TYPES.map((t) => ({ value: t })),
      default: () => 'IP',
    },
    {
      key: 'values',
      flag: 'values',
      kind: 'text',
      message: 'Entries (comma-separated)',
      required: true,
      validate: (_, a) => check(a, ['acl-policy']),
    },
    bindField('acl', apisWith(ctx, 'acl')),
  ];
}
