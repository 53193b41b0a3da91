/**
 * Matching a presented credential against a secret from apig.yaml. An empty or missing credential matches
 * nothing, and neither does an unusable secret (its `${ENV_VAR}` unset, or empty): an unset variable must not
 * turn into an empty secret that an empty `X-Auth-Token`, `X-Apig-AppCode` or `Basic base64("key:")` passes.
 */
import type { Secret } from '../../core/workspace-model.js';
import { sameSecret } from './signed.js';

export function matchesSecret(secret: Secret, given: string | undefined): boolean {
  return (
    secret.value !== undefined &&
    secret.value !== '' &&
    given !== undefined &&
    given !== '' &&
    sameSecret(secret.value, given)
  );
}
