/** acl-policy: at most 100 entries; IP entries are addresses, CIDR blocks or ranges; DOMAIN names 1–64 ASCII, not all digits, ≤ 1024 in total. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture } from '../snippets.js';

const acl = (entity: string, value: string): string =>
  spec(
    op({ extra: '      x-apigateway-access-control: acl_one\n' }),
    `\nx-apigateway-access-controls:\n  acl_one: {acl-type: DENY, entity-type: ${entity}, value: "${value}"}\n`,
  );
const ip = (value: string): string => acl('IP', value);
const at = (value: string): string => `"${value.slice(0, 20)}`;
const ips = (n: number): string =>
  Array.from({ length: n }, (_, i) => `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`).join(',');

testRule('acl-policy', [
  {
    name: 'addresses, blocks, ranges and IPv6',
    spec: ip('1.2.3.4,10.0.0.0/8,2001:db8::/32,fe80::1-fe80::ff'),
    findings: [],
  },
  { name: 'the documented example', spec: ip('127.0.0.1,192.168.0.1/16'), findings: [] },
  { name: 'the v1.0 REST example', spec: ip('192.168.1.5,192.168.10.0/24,192.168.12.12-192.168.12.19'), findings: [] },
  { name: 'spaces after the commas', spec: ip('1.2.3.4, 5.6.7.8'), findings: [] },
  {
    name: 'not an address',
    spec: ip('1.2.3.400'),
    findings: [
      {
        message: 'acl_one: "1.2.3.400" is not an IP address, a CIDR block (a/n) or a range (a-b)',
        exact: true,
        at: '"1.2.3.400"',
      },
    ],
  },
  {
    name: 'a prefix longer than /32',
    spec: ip('10.0.0.0/33'),
    findings: [{ message: 'acl_one: "10.0.0.0/33": an IPv4 prefix is at most /32', exact: true, at: '"10.0.0.0/33"' }],
  },
  {
    name: 'a range that ends before it starts',
    spec: ip('10.0.0.9-10.0.0.1'),
    findings: [{ message: 'acl_one: range 10.0.0.9-10.0.0.1 ends before it starts', exact: true, at: '"10.0.0.9' }],
  },
  {
    name: 'each bad entry',
    spec: ip('1.2.3.4,x,y'),
    findings: [
      { message: '"x" is not an IP address', at: '"1.2.3.4' },
      { message: '"y" is not an IP address', at: '"1.2.3.4' },
    ],
  },
  {
    name: 'an empty value',
    spec: ip(''),
    findings: [{ message: 'acl_one: the policy lists no entries', exact: true, at: '""' }],
  },
  {
    name: 'an entry listed twice',
    spec: ip('1.2.3.4,5.6.7.8,1.2.3.4'),
    findings: [{ message: 'acl_one: "1.2.3.4" is listed twice', exact: true, at: '"1.2.3.4' }],
  },
  { name: '100 entries', spec: ip(ips(100)), findings: [] },
  {
    name: '101 entries',
    spec: ip(ips(101)),
    findings: [{ message: 'acl_one: 101 entries; at most 100', exact: true, at: at(ips(101)) }],
  },
  {
    name: 'a lower quota',
    spec: ip(ips(3)),
    quotas: { aclEntries: 2 },
    findings: [{ message: '3 entries; at most 2', at: at(ips(3)) }],
  },
  { name: 'account names', spec: acl('DOMAIN', 'aaa,bbb'), findings: [] },
  { name: 'a 64-character account name', spec: acl('DOMAIN', 'a'.repeat(64)), findings: [] },
  {
    name: 'a 65-character account name',
    spec: acl('DOMAIN', 'a'.repeat(65)),
    findings: [
      { message: `account name "${'a'.repeat(65)}" must be 1–64 ASCII characters and not all digits`, at: '"aaaa' },
    ],
  },
  {
    name: 'an account name of digits only',
    spec: acl('DOMAIN', 'aaa,12345'),
    findings: [
      {
        message: 'acl_one: account name "12345" must be 1–64 ASCII characters and not all digits',
        exact: true,
        at: '"aaa,',
      },
    ],
  },
  {
    name: 'an account name with a space',
    spec: acl('DOMAIN', 'my account'),
    findings: [{ message: 'account name "my account"', at: '"my account"' }],
  },
  {
    name: 'an account name with Chinese characters',
    spec: acl('DOMAIN', '账号'),
    findings: [{ message: 'account name "账号"', at: '"账号"' }],
  },
  {
    name: 'account names over 1024 characters in total',
    spec: acl(
      'DOMAIN',
      Array.from({ length: 20 }, (_, i) => `${String.fromCharCode(97 + i)}${'n'.repeat(59)}`).join(','),
    ),
    findings: [{ message: 'acl_one: account names exceed 1024 characters in total', exact: true, at: '"annn' }],
  },
  { name: 'account IDs are not checked for form', spec: acl('DOMAIN_ID', '0123456789abcdef,fedcba'), findings: [] },
  {
    name: 'an account ID listed twice',
    spec: acl('DOMAIN_ID', 'abc,abc'),
    findings: [{ message: '"abc" is listed twice', at: '"abc,abc"' }],
  },
  { name: 'every documented extension at once', spec: fixture('examples/full-featured.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
]);
