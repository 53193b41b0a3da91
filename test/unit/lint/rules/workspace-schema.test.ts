/**
 * workspace-schema: apig.yaml matches schemas/workspace.json (loader rule, src/workspace/schema.ts); each problem
 * at its place, the groups still linted when their list is sound.
 */
import { op, spec } from '../harness.js';
import { testRule } from '../test-rule.js';

const GROUPS = 'groups:\n  - name: shop\n    spec: api.yaml\n';

testRule('workspace-schema', [
  { name: 'a valid workspace', spec: spec(op()), workspace: GROUPS, findings: [] },
  {
    name: 'an unknown section, at its key',
    spec: spec(op()),
    workspace: `${GROUPS}environmets: {}\n`,
    findings: [{ message: "must not have property 'environmets'", at: '{}', file: 'apig.yaml' }],
  },
  {
    name: 'a value of the wrong type',
    spec: spec(op()),
    workspace: `${GROUPS}environments: [test]\n`,
    findings: [{ message: 'environments', at: '[test]', file: 'apig.yaml' }],
  },
  {
    name: 'a group without its spec',
    spec: spec(op()),
    workspace: 'groups:\n  - name: shop\n',
    findings: [{ message: 'spec', at: 'name: shop', file: 'apig.yaml' }],
  },
]);
