/**
 * unset-secret: every secret in apig.yaml has a value (loader rule, src/workspace/load.ts and secrets.ts). A
 * `${VAR}` whose variable is unset or set to the empty string, or a secret written empty, authenticates nothing
 * and signs nothing in apig serve: reported at the secret, naming its owner and variable, never a value.
 */
import { op, spec } from '../harness.js';
import { testRule } from '../test-rule.js';
import { WS } from '../snippets.js';

const ref = (name: string): string => `"\${${name}}"`;
const app = (fields: string): string => WS(`apps:\n  - {name: app1, key: k1, ${fields}, authorize: {}}\n`);
const IAM = (tokens: string, aksk: string): string =>
  WS(
    `iam:\n  tokens:\n    - {token: ${tokens}, user: alice, domain: acme}\n  aksk:\n    - {ak: AKALICE, sk: ${aksk}, user: alice, domain: acme}\n`,
  );
const KEY = (secret: string): string =>
  WS(`signatureKeys:\n  - {name: hmac-key, type: hmac, key: gw-key, secret: ${secret}, bind: {}}\n`);

testRule('unset-secret', [
  {
    name: 'a literal secret',
    spec: spec(op()),
    workspace: app('secret: s1'),
    findings: [],
  },
  {
    name: 'a secret from a variable that is set',
    spec: spec(op()),
    workspace: app(`secret: ${ref('APP1_SECRET')}, appCodes: [${ref('APP1_CODE')}]`),
    env: { APP1_SECRET: 'a-secret', APP1_CODE: 'an-appcode-0123456789' },
    findings: [],
  },
  {
    name: 'an AppSecret from an unset environment variable',
    spec: spec(op()),
    workspace: app(`secret: ${ref('APP1_SECRET_UNSET')}`),
    findings: [
      {
        message: 'the AppSecret of app app1: APP1_SECRET_UNSET is not set',
        at: ref('APP1_SECRET_UNSET'),
        file: 'apig.yaml',
      },
    ],
  },
  {
    name: 'a variable set to the empty string',
    spec: spec(op()),
    workspace: app(`secret: ${ref('APP1_SECRET')}`),
    env: { APP1_SECRET: '' },
    findings: [{ message: 'APP1_SECRET is set to the empty string', at: ref('APP1_SECRET'), file: 'apig.yaml' }],
  },
  {
    name: 'a secret written empty',
    spec: spec(op()),
    workspace: app('secret: ""'),
    findings: [{ message: 'the AppSecret of app app1: it is written empty', at: '""', file: 'apig.yaml' }],
  },
  {
    name: 'an AppCode, the second of two',
    spec: spec(op()),
    workspace: app(`secret: s1, appCodes: [code-one-0123456789, ${ref('CODE_TWO')}]`),
    findings: [{ message: 'AppCode 2 of app app1: CODE_TWO is not set', at: ref('CODE_TWO'), file: 'apig.yaml' }],
  },
  {
    name: 'an IAM token and an SK',
    spec: spec(op()),
    workspace: IAM(ref('ALICE_TOKEN'), ref('ALICE_SK')),
    findings: [
      { message: 'the token of IAM user alice: ALICE_TOKEN is not set', at: ref('ALICE_TOKEN'), file: 'apig.yaml' },
      { message: 'the SK of IAM AK AKALICE: ALICE_SK is not set', at: ref('ALICE_SK'), file: 'apig.yaml' },
    ],
  },
  {
    name: 'a signature key: backend calls signed with it fail',
    spec: spec(op()),
    workspace: KEY(ref('GW_SECRET')),
    findings: [
      {
        message: 'the secret of signature key hmac-key: GW_SECRET is not set; backend calls signed with it fail',
        at: ref('GW_SECRET'),
        file: 'apig.yaml',
      },
    ],
  },
  {
    name: 'a variable named like an Object.prototype member is unset too',
    spec: spec(op()),
    workspace: app(`secret: ${ref('constructor')}`),
    findings: [{ message: 'constructor is not set', at: ref('constructor'), file: 'apig.yaml' }],
  },
]);
