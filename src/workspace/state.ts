/**
 * `state:` in apig.yaml: where `apig serve` keeps the throttle counters and AK lock-outs that several processes
 * or replicas share (a Redis URL, its password, a key prefix, what to do while it is down). The URL and the
 * password are secrets (`${ENV_VAR}`, secrets.ts): a password never needs writing in apig.yaml.
 */
import type { StateSetting } from '../core/workspace-model.js';
import type { SecretAt } from './sections.js';
import { obj, type Obj } from './values.js';

export function stateOf(raw: Obj, secretAt: SecretAt): StateSetting | undefined {
  if (raw.state === undefined) return undefined;
  const s = obj(raw.state);
  return {
    url: secretAt(s.url),
    ...(s.password !== undefined ? { password: secretAt(s.password) } : {}),
    ...(typeof s.prefix === 'string' ? { prefix: s.prefix } : {}),
    ...(s.fail === 'open' || s.fail === 'closed' ? { fail: s.fail } : {}),
  };
}
