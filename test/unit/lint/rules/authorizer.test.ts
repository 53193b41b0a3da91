/** authorizer: custom authorizers have a valid name (the scheme key), identity sources when caching, and a TTL of 0–3600 s. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, OAS3 } from '../snippets.js';

const scheme = (name: string, authorizer: string): string =>
  `\nsecurityDefinitions:\n  ${name}:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer: {${authorizer}}\n`;
const frontend = (fields: string, name = 'my_auth'): string =>
  spec(
    op(),
    scheme(name, `type: FRONTEND, authorizer_type: FUNC, authorizer_uri: "urn:x"${fields ? `, ${fields}` : ''}`),
  );
const IDS = 'identities: [{name: token, location: HEADER}]';
const NAME = 'must be 3–64 letters, digits or underscores, starting with a letter';

testRule('authorizer', [
  { name: 'a cached front-end authorizer with identity sources', spec: frontend(`ttl: 60, ${IDS}`), findings: [] },
  {
    name: 'a cached front-end authorizer without identity sources',
    spec: frontend('ttl: 60'),
    findings: [
      {
        message: 'a front-end authorizer with a cache time needs identity sources: they are the cache key',
        at: '{type: FRONTEND',
      },
    ],
  },
  {
    name: 'an empty identity list',
    spec: frontend('ttl: 60, identities: []'),
    findings: [{ message: 'needs identity sources', at: '{type: FRONTEND' }],
  },
  { name: 'no cache (ttl 0) needs no identity sources', spec: frontend('ttl: 0'), findings: [] },
  { name: 'no ttl needs no identity sources', spec: frontend(''), findings: [] },
  {
    name: 'a cached back-end authorizer needs no identity sources',
    spec: spec(op(), scheme('backend_auth', 'type: BACKEND, authorizer_type: FUNC, authorizer_uri: "urn:x", ttl: 60')),
    findings: [],
  },
  { name: 'ttl 3600', spec: frontend(`ttl: 3600, ${IDS}`), findings: [] },
  {
    name: 'ttl 3601',
    spec: frontend(`ttl: 3601, ${IDS}`),
    findings: [{ message: 'ttl 3601 is outside 0–3600 seconds', at: '3601' }],
  },
  {
    name: 'a negative ttl, written as a string',
    spec: frontend(`ttl: "-1", ${IDS}`),
    findings: [{ message: 'ttl -1 is outside 0–3600 seconds', at: '"-1"' }],
  },
  {
    name: 'a ttl out of range and no identity sources',
    spec: frontend('ttl: 7200'),
    findings: [
      { message: 'ttl 7200 is outside', at: '7200' },
      { message: 'needs identity sources', at: '{type: FRONTEND' },
    ],
  },
  { name: 'a three-character name', spec: frontend('', 'abc'), findings: [] },
  {
    name: 'a two-character name',
    spec: frontend('', 'ab'),
    findings: [{ message: `authorizer name "ab" ${NAME}`, exact: true, at: 'type: apiKey' }],
  },
  { name: 'a 64-character name', spec: frontend('', 'a'.repeat(64)), findings: [] },
  {
    name: 'a 65-character name',
    spec: frontend('', 'a'.repeat(65)),
    findings: [{ message: `authorizer name "${'a'.repeat(65)}"`, at: 'type: apiKey' }],
  },
  {
    name: 'a digit first',
    spec: frontend('', '1auth'),
    findings: [{ message: 'authorizer name "1auth"', at: 'type: apiKey' }],
  },
  {
    name: 'hyphens',
    spec: frontend('', 'apig-auth-custom'),
    findings: [{ message: 'authorizer name "apig-auth-custom"', at: 'type: apiKey' }],
  },
  { name: 'Chinese characters', spec: frontend('', '自定义认证'), findings: [] },
  {
    name: 'the name of a scheme without an authorizer is not checked',
    spec: spec(
      op(),
      '\nsecurityDefinitions:\n  apig-auth-app:\n    type: apiKey\n    name: Authorization\n    in: header\n    x-apigateway-auth-type: AppSigv1\n',
    ),
    findings: [],
  },
  {
    name: 'under OpenAPI 3.0 components',
    spec: OAS3(
      `  securitySchemes:\n    my_auth:\n      type: apiKey\n      name: unused\n      in: header\n      x-apigateway-authorizer: {type: FRONTEND, authorizer_type: FUNC, authorizer_uri: "urn:x", ttl: 60}\n`,
    ),
    findings: [{ message: 'needs identity sources', at: '{type: FRONTEND' }],
  },
  {
    name: 'the documented authorizer example (ttl 0, identities, V2)',
    spec: spec(
      op(),
      '\nsecurityDefinitions:\n  my_auth:\n    type: apiKey\n    name: unused\n    in: header\n    x-apigateway-authorizer:\n      auth_downgrade_enabled: false\n      authorizer_alias_uri: ""\n      authorizer_type: FUNC\n      authorizer_uri: "urn:fss:region:73d69ae0cfcf460190522d:function:default:DSFA"\n      authorizer_version: latest\n      identities:\n        - {location: HEADER, name: test, validation: ""}\n      need_body: false\n      network_type: V2\n      retry_attempts: 0\n      timeout: 5000\n      ttl: 0\n      type: FRONTEND\n',
    ),
    findings: [],
  },
  {
    name: 'documented variants of real exports',
    spec: fixture('variants/real-exports.yaml'),
    findings: [{ message: 'authorizer name "apig-auth-custom"', at: 'type: apiKey', after: 'apig-auth-custom:' }],
  },
]);
