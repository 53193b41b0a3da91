/** x-apigateway-ratelimits (root map) and x-apigateway-ratelimit (operation reference), x-apigateway.md §10-11. */
import { SPECIAL_TYPES, TIME_UNITS, type ThrottlePolicy, type ThrottleSpecial } from '../../core/model.js';
import { bool, int, list, oneOf, str } from '../codec.js';
import { object, opt, req } from '../object-codec.js';

export const throttleSpecial = object<ThrottleSpecial>(
  {
    type: req('type', oneOf(SPECIAL_TYPES)),
    limit: req('limit', int),
    instance: req('instance', str),
  },
  { name: 'special' },
);

/** `name` is the map key, not a field: the codec is applied to the value with the name set afterwards. */
export const throttlePolicy = object<Omit<ThrottlePolicy, 'name'>>(
  {
    apiLimit: req('api-limit', int),
    userLimit: opt('user-limit', int),
    appLimit: opt('app-limit', int),
    ipLimit: opt('ip-limit', int),
    interval: req('interval', int),
    unit: req('unit', oneOf(TIME_UNITS)),
    shared: opt('shared', bool),
    special: opt('special', list(throttleSpecial)),
  },
  { name: 'throttle policy' },
);
