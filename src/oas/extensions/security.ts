/**
 * Security schemes with x-apigateway-auth-type, x-apigateway-auth-opt and x-apigateway-authorizer
 * (x-apigateway.md §1, §2, §16).
 */
import {
  APPCODE_AUTH_TYPES,
  AUTHORIZER_KINDS,
  IDENTITY_LOCATIONS,
  NETWORK_TYPES,
  SCHEME_AUTH_TYPES,
  type AuthOpt,
  type AuthorizerDef,
  type AuthorizerIdentity,
  type SecurityScheme,
} from '../../core/model.js';
import { bool, int, list, oneOf, str } from '../codec.js';
import { object, opt, req } from '../object-codec.js';

export const identity = object<AuthorizerIdentity>(
  {
    name: req('name', str),
    location: req('location', oneOf(IDENTITY_LOCATIONS)),
    validation: opt('validation', str),
  },
  { name: 'identity' },
);

export const authorizer = object<AuthorizerDef>(
  {
    type: req('type', oneOf(AUTHORIZER_KINDS)),
    authorizerType: req('authorizer_type', oneOf(['FUNC'] as const)),
    uri: req('authorizer_uri', str),
    aliasUri: opt('authorizer_alias_uri', str),
    version: opt('authorizer_version', str),
    networkType: opt('network_type', oneOf(NETWORK_TYPES)),
    needBody: opt('need_body', bool),
    identities: opt('identities', list(identity)),
    ttl: opt('ttl', int),
    timeout: opt('timeout', int),
    retryAttempts: opt('retry_attempts', int),
    downgradeEnabled: opt('auth_downgrade_enabled', bool),
    userData: opt('user_data', str),
  },
  { name: 'x-apigateway-authorizer' },
);

const authOpt = object<AuthOpt>(
  {
    appCodeAuth: opt('appcode-auth-type', oneOf(APPCODE_AUTH_TYPES)),
  },
  { name: 'x-apigateway-auth-opt' },
);

export const securityScheme = object<Omit<SecurityScheme, 'name'>>(
  {
    type: opt('type', str),
    paramName: opt('name', str),
    in: opt('in', str),
    description: opt('description', str),
    authType: opt('x-apigateway-auth-type', oneOf(SCHEME_AUTH_TYPES)),
    authOpt: opt('x-apigateway-auth-opt', authOpt),
    authorizer: opt('x-apigateway-authorizer', authorizer),
  },
  { name: 'security scheme' },
);
