/** lint-disable: x-apig-lint-disable entries name a known rule and give a reason (src/lint/suppress.ts). */
import { describe, expect, it } from 'vitest';
import { testRule } from '../test-rule.js';
import { lintText, op, spec } from '../harness.js';
import { fixture } from '../snippets.js';

const onOp = (list: string): string => spec(op({ extra: `      x-apig-lint-disable: ${list}\n` }));

testRule('lint-disable', [
  {
    name: 'a rule and a reason, on the operation',
    spec: onOp('[{rule: cors-preflight, reason: "no browser clients"}]'),
    findings: [],
  },
  {
    name: 'on the path item',
    spec: spec(op().replace('    get:', '    x-apig-lint-disable: [{rule: api-name, reason: legacy}]\n    get:')),
    findings: [],
  },
  {
    name: 'at the document root',
    spec: spec(op(), 'x-apig-lint-disable: [{rule: unused-policy, reason: "shared with another file"}]\n'),
    findings: [],
  },
  {
    name: 'no reason',
    spec: onOp('[{rule: cors-preflight}]'),
    findings: [
      {
        message: 'suppressing cors-preflight needs a reason: add `reason: "..."`',
        exact: true,
        at: '{rule: cors-preflight}',
      },
    ],
  },
  {
    name: 'a blank reason',
    spec: onOp('[{rule: cors-preflight, reason: "  "}]'),
    findings: [{ message: 'suppressing cors-preflight needs a reason', at: '{rule: cors-preflight' }],
  },
  {
    name: 'a reason that is not text',
    spec: onOp('[{rule: cors-preflight, reason: 42}]'),
    findings: [{ message: 'suppressing cors-preflight needs a reason', at: '{rule: cors-preflight' }],
  },
  {
    name: 'no rule',
    spec: onOp('[{reason: "why"}]'),
    findings: [{ message: 'a suppression needs `rule: <rule id>`', exact: true, at: '{reason' }],
  },
  {
    name: 'an entry that is only a rule id',
    spec: onOp('[cors-preflight]'),
    findings: [{ message: 'a suppression needs `rule: <rule id>`', at: 'cors-preflight]' }],
  },
  {
    name: 'an unknown rule',
    spec: onOp('[{rule: quota-apis, reason: "why"}]'),
    findings: [{ message: 'unknown rule "quota-apis"', exact: true, at: 'quota-apis' }],
  },
  {
    name: 'an unknown rule and no reason',
    spec: onOp('[{rule: nope}]'),
    findings: [
      { message: 'unknown rule "nope"', at: 'nope' },
      { message: 'suppressing nope needs a reason', at: '{rule: nope}' },
    ],
  },
  {
    name: 'not a list',
    spec: onOp('{rule: cors-preflight, reason: why}'),
    findings: [
      { message: 'x-apig-lint-disable must be a list of {rule, reason}', exact: true, at: '{rule: cors-preflight' },
    ],
  },
  {
    name: 'each bad entry of a list',
    spec: onOp('[{rule: cors-preflight}, {rule: api-name, reason: ok}, {reason: x}]'),
    findings: [
      { message: 'suppressing cors-preflight', at: '{rule: cors-preflight}' },
      { message: 'needs `rule: <rule id>`', at: '{reason: x}' },
    ],
  },
  {
    name: 'a loader rule can be named',
    spec: onOp('[{rule: unknown-extension, reason: "vendor field"}]'),
    findings: [],
  },
  {
    name: 'the documented variants name a rule that does not exist',
    spec: fixture('variants/real-exports.yaml'),
    findings: [{ message: 'unknown rule "quota-apis"', at: 'quota-apis' }],
  },
]);

describe('lint-disable: what a suppression does', () => {
  const cors = spec(
    op({
      method: 'put',
      extra:
        '      x-apigateway-cors: true\n      x-apig-lint-disable: [{rule: cors-preflight, reason: "no browser clients"}]\n',
    }),
  );

  it('marks the finding it covers as suppressed, with the reason', async () => {
    const { findings } = await lintText({ spec: cors });
    const hit = findings.find((f) => f.code === 'cors-preflight');
    expect(hit?.suppressed).toEqual({ reason: 'no browser clients' });
  });

  it('covers only its own rule', async () => {
    const { findings } = await lintText({
      spec: cors.replace('x-apigateway-cors: true', 'x-apigateway-cors: true\n      x-apigateway-crs: true'),
    });
    expect(findings.find((f) => f.code === 'unknown-extension')?.suppressed).toBeUndefined();
  });

  it('covers only the object it stands on', async () => {
    const two = spec(
      op({
        path: '/a',
        method: 'put',
        extra:
          '      x-apigateway-cors: true\n      x-apig-lint-disable: [{rule: cors-preflight, reason: "no browsers"}]\n',
      }) + op({ path: '/b', id: 'putB', method: 'put', extra: '      x-apigateway-cors: true\n' }),
    );
    const { findings } = await lintText({ spec: two });
    expect(
      findings.filter((f) => f.code === 'cors-preflight').map((f) => [f.path, f.suppressed !== undefined]),
    ).toEqual([
      ['/paths/~1a/put/x-apigateway-cors', true],
      ['/paths/~1b/put/x-apigateway-cors', false],
    ]);
  });
});
