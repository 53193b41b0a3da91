/**
 * The ranges of a traditional throttle policy's numbers, which lint's `throttle-policy` rule reports and apig
 * serve refuses to start on (the gateway refuses such a policy).
 */
import type { ThrottlePolicy } from './model.js';

/** The largest limit and interval the gateway accepts (API Reference: Creating a Request Throttling Policy). */
export const MAX_THROTTLE_VALUE = 2147483647;

export const inThrottleRange = (v: number): boolean => v >= 1 && v <= MAX_THROTTLE_VALUE;

/** The policy's limits and interval, each with its field name as written under the policy. */
export function limitFields(p: ThrottlePolicy): Array<[string, number | undefined]> {
  return [
    ['api-limit', p.apiLimit],
    ['user-limit', p.userLimit],
    ['app-limit', p.appLimit],
    ['ip-limit', p.ipLimit],
    ['interval', p.interval],
  ];
}
