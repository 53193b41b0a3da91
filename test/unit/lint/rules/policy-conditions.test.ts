/** policy-conditions: valid origin, type and value; parameters exist; source values are IPs; patterns compile; reqMethod only exact or enum. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, POLICY, QUERY, SCHEMES } from '../snippets.js';

const cond = (conditions: string, params = QUERY('lang'), extra = ''): string =>
  spec(
    op({
      params,
      extra: `${extra}${POLICY(
        conditions
          .split('\n')
          .filter(Boolean)
          .map((c) => `            - ${c}\n`)
          .join(''),
      )}`,
    }),
    SCHEMES,
  );

testRule('policy-conditions', [
  { name: 'a source CIDR', spec: cond('{origin: source, value: 10.0.0.0/8}'), findings: [] },
  {
    name: 'several source entries: addresses, blocks, ranges, IPv6',
    spec: cond('{origin: source, value: "1.2.3.4, 10.0.0.0/8,192.168.12.12-192.168.12.19,2001:db8::/32"}'),
    findings: [],
  },
  {
    name: 'a prefix longer than /32',
    spec: cond('{origin: source, value: 10.0.0.0/33}'),
    findings: [{ message: '"10.0.0.0/33": an IPv4 prefix is at most /32', exact: true, at: '10.0.0.0/33' }],
  },
  {
    name: 'an IPv6 prefix longer than /128',
    spec: cond('{origin: source, value: "2001:db8::/129"}'),
    findings: [{ message: 'an IPv6 prefix is at most /128', at: '"2001:db8::/129"' }],
  },
  {
    name: 'not an address',
    spec: cond('{origin: source, value: "1.2.3.400"}'),
    findings: [
      {
        message: '"1.2.3.400" is not an IP address, a CIDR block (a/n) or a range (a-b)',
        exact: true,
        at: '"1.2.3.400"',
      },
    ],
  },
  {
    name: 'each bad source entry',
    spec: cond('{origin: source, value: "10.0.0.1,x,10.0.0.9-10.0.0.1"}'),
    findings: [
      { message: '"x" is not an IP address', at: '"10.0.0.1,x' },
      { message: 'range 10.0.0.9-10.0.0.1 ends before it starts', exact: true, at: '"10.0.0.1,x' },
    ],
  },
  {
    name: 'a range mixing IPv4 and IPv6',
    spec: cond('{origin: source, value: "10.0.0.1-::1"}'),
    findings: [{ message: 'range 10.0.0.1-::1 mixes IPv4 and IPv6', exact: true, at: '"10.0.0.1-::1"' }],
  },
  {
    name: 'a source condition needs no type or parameter (V1 writes them empty)',
    spec: cond("{origin: source, parameter: '', type: '', value: 1.0.0.0/8}"),
    findings: [],
  },
  {
    name: 'a request parameter condition',
    spec: cond('{origin: param, parameter: lang, type: exact, value: en}'),
    findings: [],
  },
  {
    name: 'the documented spellings request and parameter_name',
    spec: cond('{origin: request, parameter_name: lang, type: equal, value: en}'),
    findings: [],
  },
  {
    name: 'a condition on a parameter the API does not define',
    spec: cond('{origin: param, parameter: locale, type: exact, value: en}'),
    findings: [
      { message: 'condition parameter "locale" is not a request parameter of getA', exact: true, at: 'locale' },
    ],
  },
  {
    name: 'a parameter condition without a type',
    spec: cond('{origin: param, parameter: lang, value: en}'),
    findings: [{ message: 'condition needs a type: exact, enum or pattern', exact: true, at: '{origin: param' }],
  },
  {
    name: 'a parameter condition with an empty type',
    spec: cond("{origin: param, parameter: lang, type: '', value: en}"),
    findings: [{ message: 'condition needs a type', at: "''" }],
  },
  {
    name: 'a parameter condition without a parameter',
    spec: cond('{origin: param, type: exact, value: en}'),
    findings: [
      { message: 'a param condition needs the name of what it tests (parameter)', exact: true, at: '{origin: param' },
    ],
  },
  {
    name: 'an enum condition',
    spec: cond('{origin: param, parameter: lang, type: enum, value: "en,zh"}'),
    findings: [],
  },
  { name: 'a pattern', spec: cond('{origin: param, parameter: lang, type: pattern, value: "[0-5]"}'), findings: [] },
  {
    name: 'a pattern that does not compile',
    spec: cond('{origin: param, parameter: lang, type: pattern, value: "[0-5"}'),
    findings: [{ message: 'pattern "[0-5" is not a valid regular expression', exact: true, at: '"[0-5"' }],
  },
  {
    name: 'a system condition on the request path',
    spec: cond('{origin: system, parameter: reqPath, type: pattern, value: "^/a"}'),
    findings: [],
  },
  {
    name: 'a system condition on req_path and req_method',
    spec: cond(
      '{origin: system, parameter: req_path, type: exact, value: /a}\n{origin: system, parameter: req_method, type: enum, value: "GET,POST"}',
    ),
    findings: [],
  },
  {
    name: 'a pattern on the method',
    spec: cond('{origin: system, parameter: reqMethod, type: pattern, value: "G.*"}'),
    findings: [{ message: 'reqMethod conditions allow only exact or enum', at: 'pattern' }],
  },
  {
    name: 'a pattern on req_method',
    spec: cond('{origin: system, parameter: req_method, type: pattern, value: "G.*"}'),
    findings: [{ message: 'reqMethod conditions allow only exact or enum', at: 'pattern' }],
  },
  {
    name: 'an unknown system parameter',
    spec: cond('{origin: system, parameter: sourceIp, type: exact, value: x}'),
    findings: [
      {
        message: 'system condition parameter must be req_path or req_method, not "sourceIp"',
        exact: true,
        at: 'sourceIp',
      },
    ],
  },
  {
    name: 'a cookie condition',
    spec: cond('{origin: cookie, parameter: session, type: exact, value: abc}'),
    findings: [],
  },
  {
    name: 'a cookie condition without a name',
    spec: cond('{origin: cookie, type: exact, value: abc}'),
    findings: [{ message: 'a cookie condition needs the name of what it tests', at: '{origin: cookie' }],
  },
  {
    name: 'an authorizer-context condition with custom authentication',
    spec: cond(
      '{origin: frontend_authorizer, parameter: "$context.authorizer.frontend.role", type: exact, value: admin}',
      QUERY('lang'),
      '      security: [{my_auth: []}]\n',
    ),
    findings: [],
  },
  {
    name: 'with dual authentication',
    spec: cond(
      '{origin: frontend_authorizer, parameter: "$context.authorizer.frontend.role", type: exact, value: admin}',
      QUERY('lang'),
      '      security: [{apig-auth-iam: [], my_auth: []}]\n',
    ),
    findings: [],
  },
  {
    name: 'an authorizer-context condition without an authorizer',
    spec: cond(
      '{origin: frontend_authorizer, parameter: "$context.authorizer.frontend.role", type: exact, value: admin}',
      QUERY('lang'),
      '      security: [{apig-auth-app: []}]\n',
    ),
    findings: [
      {
        message: 'an authorizer-context condition needs custom (or dual) authentication',
        exact: true,
        at: '{origin: frontend_authorizer',
      },
    ],
  },
  {
    name: 'conditions of every policy',
    spec: spec(
      op({
        extra: `${POLICY('            - {origin: source, value: 10.0.0.0/8}\n')}        - name: pol_two\n          type: MOCK\n          effectMode: ALL\n          conditions: [{origin: source, value: bad}]\n          mockEndpoints: {result-content: q}\n`,
      }),
    ),
    findings: [{ message: '"bad" is not an IP address', at: 'bad' }],
  },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
]);
