/**
 * Every documented x-apigateway-* extension (HW apig_03_0084, 34 entries) with where it is placed and
 * which JSON Schema in schemas/extensions validates it. Sub-objects (`x-apigateway-backend.parameters`...)
 * are validated as part of their parent.
 */
import { closest } from '../../core/closest.js';
export type Placement =
  | 'root'
  | 'operation'
  | 'pathItem'
  | 'securityScheme'
  | 'parameter'
  | 'response'
  | 'responses'
  | 'components'
  | 'part';

export interface ExtensionInfo {
  name: string;
  /** Where apig reads it (ruling 10: some placements are inferred). */
  placements: readonly Placement[];
  /** Schema file under schemas/extensions, for extensions validated on their own. */
  schema?: string;
  /** The documentation page it comes from. */
  source: string;
}

const x = (name: string, placements: readonly Placement[], source: string, own = true): ExtensionInfo => ({
  name,
  placements,
  source,
  ...(own ? { schema: `${name}.json` } : {}),
});

export const EXTENSIONS: readonly ExtensionInfo[] = [
  x('x-apigateway-auth-type', ['securityScheme'], 'Extension Definitions: x-apigateway-auth-type'),
  x('x-apigateway-request-type', ['operation'], 'Extension Definitions: x-apigateway-request-type'),
  x('x-apigateway-match-mode', ['operation'], 'Extension Definitions: x-apigateway-match-mode'),
  x('x-apigateway-cors', ['operation'], 'Extension Definitions: x-apigateway-cors'),
  x('x-apigateway-is-send-fg-body-base64', ['operation'], 'Extension Definitions: x-apigateway-is-send-fg-body-base64'),
  x('x-apigateway-any-method', ['pathItem'], 'Extension Definitions: x-apigateway-any-method'),
  x('x-apigateway-backend', ['operation'], 'Extension Definitions: x-apigateway-backend'),
  x('x-apigateway-backend.parameters', ['part'], 'Extension Definitions: x-apigateway-backend.parameters', false),
  x('x-apigateway-backend.httpEndpoints', ['part'], 'Extension Definitions: x-apigateway-backend.httpEndpoints', false),
  x(
    'x-apigateway-backend.httpVpcEndpoints',
    ['part'],
    'Extension Definitions: x-apigateway-backend.httpVpcEndpoints',
    false,
  ),
  x(
    'x-apigateway-backend.httpVpcMemberGroupEndpoints',
    ['part'],
    'Extension Definitions: x-apigateway-backend.httpVpcMemberGroupEndpoints',
    false,
  ),
  x(
    'x-apigateway-backend.httpVpcMemberGroupEndpoints.memberGroupUrlInfos',
    ['part'],
    'Extension Definitions: x-apigateway-backend.httpVpcMemberGroupEndpoints.memberGroupUrlInfos',
    false,
  ),
  x(
    'x-apigateway-backend.functionEndpoints',
    ['part'],
    'Extension Definitions: x-apigateway-backend.functionEndpoints',
    false,
  ),
  x('x-apigateway-backend.mockEndpoints', ['part'], 'Extension Definitions: x-apigateway-backend.mockEndpoints', false),
  x('x-apigateway-backend-policies', ['operation'], 'Extension Definitions: x-apigateway-backend-policies'),
  x(
    'x-apigateway-backend-policies.conditions',
    ['part'],
    'Extension Definitions: x-apigateway-backend-policies.conditions',
    false,
  ),
  x('x-apigateway-ratelimit', ['operation'], 'Extension Definitions: x-apigateway-ratelimit'),
  x('x-apigateway-ratelimits', ['root'], 'Extension Definitions: x-apigateway-ratelimits'),
  x('x-apigateway-ratelimits.policy', ['part'], 'Extension Definitions: x-apigateway-ratelimits.policy', false),
  x(
    'x-apigateway-ratelimits.policy.special',
    ['part'],
    'Extension Definitions: x-apigateway-ratelimits.policy.special',
    false,
  ),
  x('x-apigateway-access-control', ['operation'], 'Extension Definitions: x-apigateway-access-control'),
  x('x-apigateway-access-controls', ['root'], 'Extension Definitions: x-apigateway-access-controls'),
  x(
    'x-apigateway-access-controls.policy',
    ['part'],
    'Extension Definitions: x-apigateway-access-controls.policy',
    false,
  ),
  x('x-apigateway-plugins', ['operation'], 'Extension Definitions: x-apigateway-plugins'),
  x('x-apigateway-auth-opt', ['securityScheme'], 'Extension Definitions: x-apigateway-auth-opt'),
  x(
    'x-apigateway-result-normal-sample',
    ['response', 'responses'],
    'Extension Definitions: x-apigateway-result-normal-sample',
  ),
  x(
    'x-apigateway-result-failure-sample',
    ['response', 'responses'],
    'Extension Definitions: x-apigateway-result-failure-sample',
  ),
  x('x-apigateway-authorizer', ['securityScheme'], 'Extension Definitions: x-apigateway-authorizer'),
  x('x-apigateway-response', ['operation'], 'Extension Definitions: x-apigateway-response'),
  x('x-apigateway-responses', ['root', 'components'], 'Extension Definitions: x-apigateway-responses'),
  x('x-apigateway-pass-through', ['parameter'], 'Extension Definitions: x-apigateway-pass-through'),
  x('x-apigateway-sample', ['parameter'], 'Extension Definitions: x-apigateway-sample'),
  x('x-apigateway-content-type', ['operation'], 'Extension Definitions: x-apigateway-content-type'),
  x('x-apigateway-orchestrations', ['parameter'], 'Extension Definitions: x-apigateway-orchestrations'),
];

const byName = new Map(EXTENSIONS.map((e) => [e.name, e]));

export function extensionInfo(name: string): ExtensionInfo | undefined {
  return byName.get(name);
}

/** The closest known extension name, for "did you mean ...?" (Levenshtein distance ≤ 3). */
export function closestExtension(name: string): string | undefined {
  return closest(
    name,
    EXTENSIONS.filter((e) => !e.placements.includes('part')).map((e) => e.name),
  );
}
