/** The explicit rule registry (STYLE habit 3): every rule, by id. */
import type { Rule, RuleMeta } from './types.js';
import type { RuleId } from './rule-ids.js';
import acl from './rules/acl-policy.js';
import apiMethod from './rules/api-method.js';
import apiName from './rules/api-name.js';
import authorizer from './rules/authorizer.js';
import bodyParameter from './rules/body-parameter.js';
import ignoredDefault from './rules/ignored-default.js';
import backendAddress from './rules/backend-address.js';
import backendParameters from './rules/backend-parameters.js';
import backendRequired from './rules/backend-required.js';
import backendTimeout from './rules/backend-timeout.js';
import backendVariables from './rules/backend-variables.js';
import canonicalSpelling from './rules/canonical-spelling.js';
import corsPreflight from './rules/cors-preflight.js';
import documentSecurity from './rules/document-security.js';
import functionBackend from './rules/function-backend.js';
import gatewayResponse from './rules/gateway-response.js';
import groupName from './rules/group-name.js';
import mockBackend from './rules/mock-backend.js';
import parameterDefinition from './rules/parameter-definition.js';
import parameterName from './rules/parameter-name.js';
import pathParameters from './rules/path-parameters.js';
import pathSyntax from './rules/path-syntax.js';
import policyBackends from './rules/policy-backends.js';
import policyConditions from './rules/policy-conditions.js';
import policyName from './rules/policy-name.js';
import policyReference from './rules/policy-reference.js';
import operationId from './rules/operation-id.js';
import quotas from './rules/quotas.js';
import reservedName from './rules/reserved-name.js';
import routeConflict from './rules/route-conflict.js';
import security from './rules/security.js';
import appcodeHttps from './rules/appcode-https.js';
import serveConfig from './rules/serve-config.js';
import throttlePolicy from './rules/throttle-policy.js';
import unusedPolicy from './rules/unused-policy.js';
import workspaceReferences from './rules/workspace-references.js';
import { LOADER_RULES, type LoaderRuleId } from './loader-rules.js';

export const RULES: readonly Rule[] = [
  apiName,
  apiMethod,
  operationId,
  groupName,
  policyName,
  parameterName,
  gatewayResponse,
  pathSyntax,
  pathParameters,
  routeConflict,
  corsPreflight,
  reservedName,
  parameterDefinition,
  bodyParameter,
  ignoredDefault,
  security,
  documentSecurity,
  appcodeHttps,
  authorizer,
  backendRequired,
  backendAddress,
  backendTimeout,
  backendVariables,
  backendParameters,
  functionBackend,
  mockBackend,
  policyBackends,
  policyConditions,
  throttlePolicy,
  acl,
  policyReference,
  unusedPolicy,
  quotas,
  workspaceReferences,
  serveConfig,
  canonicalSpelling,
];

/** Every rule id, loader rules first (the order of `apig lint`'s outputs); the registry test holds it to RULE_IDS. */
export const ALL_RULE_IDS: readonly RuleId[] = [
  ...(Object.keys(LOADER_RULES) as LoaderRuleId[]),
  ...RULES.map((r) => r.meta.id),
];

export function ruleMeta(id: RuleId): RuleMeta | undefined {
  return (
    RULES.find((r) => r.meta.id === id)?.meta ??
    (Object.hasOwn(LOADER_RULES, id) ? LOADER_RULES[id as LoaderRuleId] : undefined)
  );
}
