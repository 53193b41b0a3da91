/**
 * Every lint rule id: the loader rules (checked while files are read; their metadata is in loader-rules.ts) and
 * the rules that visit the model (one file each, named by the id: src/lint/rules/<id>.ts). Presets, docs pages
 * and tests (test/unit/lint/rules/<id>.test.ts) are keyed by these.
 */
export const RULE_IDS = [
  'parse',
  'workspace-schema',
  'extension-schema',
  'unknown-extension',
  'misplaced-extension',
  'swagger-schema',
  'ref-resolution',
  'response-key',
  'lint-disable',
  'unset-secret',
  'api-name',
  'operation-id',
  'group-name',
  'policy-name',
  'parameter-name',
  'gateway-response',
  'path-syntax',
  'path-parameters',
  'route-conflict',
  'cors-preflight',
  'reserved-name',
  'parameter-definition',
  'security',
  'appcode-https',
  'authorizer',
  'backend-required',
  'backend-address',
  'backend-timeout',
  'backend-variables',
  'backend-parameters',
  'function-backend',
  'mock-backend',
  'policy-backends',
  'policy-conditions',
  'throttle-policy',
  'acl-policy',
  'policy-reference',
  'unused-policy',
  'quotas',
  'workspace-references',
  'serve-config',
  'canonical-spelling',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const isRuleId = (id: string): id is RuleId => (RULE_IDS as readonly string[]).includes(id);
