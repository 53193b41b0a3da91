/** The kinds `apig add` adds, without their flows (the command registers them before loading anything). */
export const ADD_KINDS = ['api', 'app', 'env', 'throttle', 'acl', 'backend-policy'] as const;
export type AddKind = (typeof ADD_KINDS)[number];

export const ADD_DESCRIPTIONS = {
  api: 'an API: method, path, parameters, authentication and backend',
  app: 'an app (AppKey and AppSecret) authorized for APP-auth APIs',
  env: 'an environment and its variables',
  throttle: 'a throttling policy (request limits per API, user, app, IP)',
  acl: 'an access control policy (IP or account allow/deny list)',
  'backend-policy': 'a policy backend of an API, chosen by conditions',
} as const satisfies Record<AddKind, string>;
