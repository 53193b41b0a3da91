/**
 * Backend signing (002 §5.6.1; api-model.md §4.5): with a signature key bound to the API in the environment,
 * the gateway adds signature information to the request it sends, in the `Authorization` header, so the backend
 * can check that the call came through the gateway. `hmac`: SDK-HMAC-SHA256 with the key pair (signing.md §3),
 * signing `host` and `x-sdk-date` (the signed set is not documented; the backend verifiers read SignedHeaders)
 * over the body as sent; `basic`: `Authorization: Basic base64(key:secret)` (the format is not documented;
 * Key = user name, Secret = password). A failure answers 500 APIG.0705, also for a key whose secret is unusable
 * (its `${ENV_VAR}` unset or empty). The caller's own Authorization is replaced.
 */
import type { SignatureKey } from '../../core/workspace-model.js';
import { signRequest } from '../../sign/index.js';
import { secretProblem } from '../../workspace/secrets.js';
import { callTarget, type BackendCall } from './backend-call.js';
import { failure, type GatewayFailure } from '../response/errors.js';

export interface SignTarget {
  scheme: 'http' | 'https';
  /** The Host header the backend receives. */
  host: string;
}

export function signBackendCall(
  call: BackendCall,
  key: SignatureKey,
  target: SignTarget,
  body: Buffer,
  now: Date,
): GatewayFailure | undefined {
  delete call.headers.authorization;
  const secret = key.secret.value;
  // An unusable secret (its ${ENV_VAR} unset or empty) fails the call loudly; nothing is signed with ''.
  if (secret === undefined)
    return failure(
      'BACKEND_SIGNATURE_FAILED',
      `signature key ${key.name}: its secret is unusable (${secretProblem(key.secret) ?? ''})`,
    );
  if (key.type === 'basic') {
    call.headers.authorization = `Basic ${Buffer.from(`${key.key}:${secret}`).toString('base64')}`;
    return undefined;
  }
  try {
    const signed = signRequest({
      method: call.method,
      url: `${target.scheme}://${target.host}${callTarget(call)}`,
      body,
      key: key.key,
      secret,
      now,
    });
    // The caller's date and body hash belong to the caller's signature; the backend must see the gateway's.
    delete call.headers['x-sdk-content-sha256'];
    call.headers['x-sdk-date'] = signed.sdkDate;
    call.headers.authorization = signed.authorization;
    return undefined;
  } catch (err) {
    return failure(
      'BACKEND_SIGNATURE_FAILED',
      `signature key ${key.name}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
