/**
 * unset-secret: every secret in apig.yaml has a value (loader rule, src/workspace/load.ts).
 * The two cases moved here from the former shared table (test/unit/lint/rules.test.ts); the rule's own cases
 * belong to the change that added it.
 */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { WS } from '../snippets.js';

const UNSET = `\${APP1_SECRET_UNSET}`;

testRule('unset-secret', [
  {
    name: 'a literal secret',
    spec: spec(op()),
    workspace: WS('apps:\n  - {name: app1, key: k1, secret: s1, authorize: {}}\n'),
    findings: [],
  },
  {
    name: 'a secret from an unset environment variable',
    spec: spec(op()),
    workspace: WS(`apps:\n  - {name: app1, key: k1, secret: "${UNSET}", authorize: {}}\n`),
    findings: [{ message: 'APP1_SECRET_UNSET is not set', at: `"${UNSET}"`, file: 'apig.yaml' }],
  },
]);
