/**
 * Every documented x-apigateway-* extension (HW apig_03_0084, 34 entries) with where it is placed and
 * which JSON Schema in schemas/extensions validates it. Sub-objects (`x-apigateway-backend.parameters`...)
 * are validated as part of their parent.
 */
import { closest } from '../../core/closest.js';
export type Placement = 'root' | 'operation' | 'pathItem' | 'securityScheme' | 'parameter' | 'response' | 'responses' | 'components' | 'part';

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
  name, placements, source, ...(own ? { schema: `${name}.json` } : {}),
});

export const EXTENSIONS: readonly ExtensionInfo[] = [
  x('x-apigateway-auth-type', ['securityScheme'], 'HW apig_03_0085'),
  x('x-apigateway-request-type', ['operation'], 'HW apig_03_0086'),
  x('x-apigateway-match-mode', ['operation'], 'HW apig_03_0087'),
  x('x-apigateway-cors', ['operation'], 'HW apig_03_0088'),
  x('x-apigateway-is-send-fg-body-base64', ['operation'], 'HW apig_03_0106'),
  x('x-apigateway-any-method', ['pathItem'], 'HW apig_03_0089'),
  x('x-apigateway-backend', ['operation'], 'HW apig_03_0090'),
  x('x-apigateway-backend.parameters', ['part'], 'HW apig_03_0091', false),
  x('x-apigateway-backend.httpEndpoints', ['part'], 'HW apig_03_0092', false),
  x('x-apigateway-backend.httpVpcEndpoints', ['part'], 'HW apig_03_0093', false),
  x('x-apigateway-backend.httpVpcMemberGroupEndpoints', ['part'], 'HW apig_03_0136', false),
  x('x-apigateway-backend.httpVpcMemberGroupEndpoints.memberGroupUrlInfos', ['part'], 'HW apig_03_0137', false),
  x('x-apigateway-backend.functionEndpoints', ['part'], 'HW apig_03_0094', false),
  x('x-apigateway-backend.mockEndpoints', ['part'], 'HW apig_03_0095', false),
  x('x-apigateway-backend-policies', ['operation'], 'HW apig_03_0096'),
  x('x-apigateway-backend-policies.conditions', ['part'], 'HW apig_03_0097', false),
  x('x-apigateway-ratelimit', ['operation'], 'HW apig_03_0098'),
  x('x-apigateway-ratelimits', ['root'], 'HW apig_03_0099'),
  x('x-apigateway-ratelimits.policy', ['part'], 'HW apig_03_0100', false),
  x('x-apigateway-ratelimits.policy.special', ['part'], 'HW apig_03_0101', false),
  x('x-apigateway-access-control', ['operation'], 'HW apig_03_0102'),
  x('x-apigateway-access-controls', ['root'], 'HW apig_03_0103'),
  x('x-apigateway-access-controls.policy', ['part'], 'HW apig_03_0104', false),
  x('x-apigateway-plugins', ['operation'], 'HW apig_03_0105'),
  x('x-apigateway-auth-opt', ['securityScheme'], 'HW apig_03_0115'),
  x('x-apigateway-result-normal-sample', ['response', 'responses'], 'HW apig_03_0117'),
  x('x-apigateway-result-failure-sample', ['response', 'responses'], 'HW apig_03_0118'),
  x('x-apigateway-authorizer', ['securityScheme'], 'HW apig_03_0119'),
  x('x-apigateway-response', ['operation'], 'HW apig_03_0120'),
  x('x-apigateway-responses', ['root', 'components'], 'HW apig_03_0121'),
  x('x-apigateway-pass-through', ['parameter'], 'HW apig_03_0122'),
  x('x-apigateway-sample', ['parameter'], 'HW apig_03_0123'),
  x('x-apigateway-content-type', ['operation'], 'HW apig_03_0124'),
  x('x-apigateway-orchestrations', ['parameter'], 'HW apig_03_0125'),
];

const byName = new Map(EXTENSIONS.map((e) => [e.name, e]));

export function extensionInfo(name: string): ExtensionInfo | undefined {
  return byName.get(name);
}

/** The closest known extension name, for "did you mean ...?" (Levenshtein distance ≤ 3). */
export function closestExtension(name: string): string | undefined {
  return closest(name, EXTENSIONS.filter((e) => !e.placements.includes('part')).map((e) => e.name));
}
