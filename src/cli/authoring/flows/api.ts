/** `apig add api`: the questions, in the console's order, each checked by the rules lint runs. */
import { API_METHODS, MATCH_MODES, PARAM_TYPES } from '../../../core/model.js';
import type { RuleId } from '../../../lint/presets.js';
import { environmentNames } from '../../../workspace/publish.js';
import { RELEASE } from '../../../core/workspace-model.js';
import { groupOf, str, type FlowContext } from '../context.js';
import type { Answers, Field, Item, ItemField, Verdict } from '../fields.js';
import { apiCandidate, buildApi, front } from './api-build.js';
import { AUTHORING_BACKENDS, backendFields } from './backend.js';
import { BODY_METHODS, parseExample } from './body-schema.js';
import { groupField, suggestedApiName } from './common.js';

const MATCH_DESCRIPTIONS = {
  NORMAL: 'exact: the path must match exactly',
  SWA: 'prefix: the path and everything below it',
} as const;
const PARAM_LOCATIONS = ['QUERY', 'HEADER'] as const;

/** `name[:query|header[:string|number[:required]]]` */
export function parseParam(spec: string): Item | string {
  const [name, location, type, required, ...rest] = spec.split(':').map((s) => s.trim());
  if (!name || rest.length > 0) return 'expected name[:query|header[:string|number[:required|optional]]]';
  if (required !== undefined && !/^(required|optional)$/i.test(required))
    return `"${required}" is not required or optional`;
  return {
    paramName: name,
    ...(location ? { paramIn: location } : {}),
    ...(type ? { paramType: type } : {}),
    ...(required ? { paramRequired: /^required$/i.test(required) ? 'yes' : 'no' } : {}),
  };
}

export function apiFields(ctx: FlowContext): Field[] {
  const check = (a: Answers, rules: readonly RuleId[]): Verdict =>
    ctx.check(apiCandidate(ctx, buildApi(ctx, a)), rules);
  const authorizers = (a: Answers) =>
    groupOf(ctx, a).model.securitySchemes.filter((s) => s.authorizer?.type === 'FRONTEND');
  const paramFields: ItemField[] = [
    {
      key: 'paramName',
      flag: 'param-name',
      kind: 'text',
      message: 'Parameter name',
      required: true,
      validate: (_, a) => check(a, ['parameter-name', 'reserved-name', 'parameter-definition']),
    },
    {
      key: 'paramIn',
      flag: 'param-in',
      kind: 'select',
      message: 'Location',
      choices: () => PARAM_LOCATIONS.map((l) => ({ value: l })),
      default: () => 'QUERY',
      validate: (_, a) => check(a, ['parameter-name', 'reserved-name']),
    },
    {
      key: 'paramType',
      flag: 'param-type',
      kind: 'select',
      message: 'Type',
      choices: () => PARAM_TYPES.map((t) => ({ value: t })),
      default: () => 'STRING',
    },
    { key: 'paramRequired', flag: 'param-required', kind: 'confirm', message: 'Required?', default: () => false },
  ];
  return [
    groupField(ctx),
    {
      key: 'method',
      flag: 'method',
      kind: 'select',
      message: 'Method',
      choices: () => API_METHODS.map((m) => ({ value: m })),
      default: () => 'GET',
    },
    {
      key: 'path',
      flag: 'path',
      kind: 'text',
      message: 'Request path',
      required: true,
      validate: (_, a) => check(a, ['path-syntax', 'route-conflict']),
    },
    {
      key: 'matchMode',
      flag: 'match-mode',
      kind: 'select',
      message: 'Match mode',
      choices: () => MATCH_MODES.map((m) => ({ value: m, description: MATCH_DESCRIPTIONS[m] })),
      default: () => 'NORMAL',
      validate: (_, a) => check(a, ['path-syntax', 'route-conflict']),
    },
    {
      key: 'name',
      flag: 'name',
      kind: 'text',
      message: 'API name',
      required: true,
      default: (a) => (str(a.path) ? suggestedApiName(front(a).method, front(a).path) : undefined),
      validate: (_, a) => check(a, ['api-name']),
    },
    { key: 'description', flag: 'description', kind: 'text', message: 'Description (optional)' },
    {
      key: 'auth',
      flag: 'auth',
      kind: 'select',
      message: 'Authentication',
      choices: (a) => [
        { value: 'NONE', description: 'anyone may call it' },
        { value: 'APP', description: 'signed with an app key and secret (apps in apig.yaml)' },
        { value: 'IAM', description: 'an IAM token or AK/SK signature' },
        ...(authorizers(a).length > 0 ? [{ value: 'AUTHORIZER', description: 'a custom front-end authorizer' }] : []),
      ],
      default: () => 'NONE',
      validate: (_, a) => check(a, ['security']),
    },
    {
      key: 'authorizer',
      flag: 'authorizer',
      kind: 'select',
      message: 'Authorizer',
      when: (a) => a.auth === 'AUTHORIZER',
      needs: { key: 'auth', values: ['AUTHORIZER'], what: 'AUTHORIZER authentication' },
      required: true,
      choices: (a) => authorizers(a).map((s) => ({ value: s.name })),
      default: (a) => authorizers(a)[0]?.name,
    },
    {
      key: 'params',
      flag: 'param',
      kind: 'list',
      message: 'Request parameters',
      more: 'Add a query or header parameter?',
      item: paramFields,
      parse: parseParam,
      default: () => [],
    },
    {
      key: 'body',
      flag: 'body',
      kind: 'text',
      message: 'Request body: a JSON example (its schema is written), empty for none',
      when: (a) =>
        (BODY_METHODS as readonly string[]).includes(front(a).method) && groupOf(ctx, a).model.format === 'oas3',
      needs: (a) =>
        groupOf(ctx, a).model.format !== 'oas3'
          ? `${groupOf(ctx, a).shown} is Swagger 2.0, where a request body is a body parameter, which the gateway ` +
            'does not import (User Guide (online), "Restrictions and Compatibility"); an OpenAPI 3.0 group file ' +
            'holds one as requestBody'
          : `it applies to POST, PUT, PATCH and ANY APIs (User Guide §5.2.1), and the method is ${front(a).method}`,
      validate: (v) => parseExample(v).error,
    },
    ...backendFields({ ws: ctx.ws, allowed: () => AUTHORING_BACKENDS, defaultType: () => 'MOCK', front, check }),
    {
      key: 'throttle',
      flag: 'throttle',
      kind: 'select',
      message: 'Throttling policy',
      when: (a) => groupOf(ctx, a).model.throttles.length > 0,
      needs: (a) => `group ${groupOf(ctx, a).ref.name} has no throttling policy yet; add one with apig add throttle`,
      choices: (a) => [
        { value: '', name: '(none)' },
        ...groupOf(ctx, a).model.throttles.map((t) => ({
          value: t.name,
          description: `${t.apiLimit} per ${t.interval} ${t.unit.toLowerCase()}`,
        })),
      ],
    },
    {
      key: 'acl',
      flag: 'acl',
      kind: 'select',
      message: 'Access control policy',
      when: (a) => groupOf(ctx, a).model.acls.length > 0,
      needs: (a) => `group ${groupOf(ctx, a).ref.name} has no access control policy yet; add one with apig add acl`,
      choices: (a) => [
        { value: '', name: '(none)' },
        ...groupOf(ctx, a).model.acls.map((p) => ({ value: p.name, description: `${p.aclType} ${p.entityType}` })),
      ],
    },
    {
      key: 'cors',
      flag: 'cors',
      kind: 'confirm',
      message: 'Allow cross-origin requests (CORS)?',
      default: () => false,
    },
    {
      key: 'publish',
      flag: 'publish',
      kind: 'multi',
      message: 'Publish to environments',
      when: () => unpublished(ctx).length > 0,
      needs: () =>
        ctx.ws.publish === undefined
          ? 'the workspace has no environment but RELEASE, where every API is published; add one with apig add env'
          : 'every environment of the publish: map in apig.yaml already takes every API (*)',
      choices: () => unpublished(ctx).map((e) => ({ value: e })),
      default: () => [],
      validate: (_, a) => check(a, ['backend-variables']),
    },
  ];
}

/**
 * Environments whose publish list does not already take every API (`*`). Without a publish: map, RELEASE takes
 * every API and the others none.
 */
function unpublished(ctx: FlowContext): string[] {
  const { publish } = ctx.ws;
  if (publish === undefined) return environmentNames(ctx.ws).filter((e) => e !== RELEASE);
  return environmentNames(ctx.ws).filter((e) => !(publish[e] ?? []).includes('*'));
}
