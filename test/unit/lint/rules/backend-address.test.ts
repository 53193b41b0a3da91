/** backend-address: HTTP backend addresses are host[:port] (port 1–65535, #var# anywhere) and not in the ranges the gateway refuses. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture, HTTP } from '../snippets.js';

const address = (a: string): string => spec(op({ backend: HTTP('/b', a) }));
const FORM = 'must be host[:port], without a scheme or path';
const refused = (host: string, range: string, at: string) => [
  { message: `backend address ${host} is in ${range}, which the gateway refuses`, at },
];

testRule('backend-address', [
  { name: 'an IP and a port', spec: address('"10.0.0.1:8080"'), findings: [] },
  { name: 'a domain name without a port (documented example)', spec: address('"example.com"'), findings: [] },
  { name: 'an IPv4 address and port 443 (documented example)', spec: address('"1.1.1.1:443"'), findings: [] },
  { name: 'an IPv6 address in brackets', spec: address('"[2001:db8::1]:8443"'), findings: [] },
  { name: 'port 1', spec: address('"example.com:1"'), findings: [] },
  { name: 'port 65535', spec: address('"example.com:65535"'), findings: [] },
  {
    name: 'port 0',
    spec: address('"example.com:0"'),
    findings: [{ message: 'backend port 0 is outside 1–65535', exact: true, at: '"example.com:0"' }],
  },
  {
    name: 'port 65536',
    spec: address('"example.com:65536"'),
    findings: [{ message: 'backend port 65536 is outside 1–65535', exact: true, at: '"example.com:65536"' }],
  },
  {
    name: 'port 70000',
    spec: address('"10.0.0.1:70000"'),
    findings: [{ message: 'outside 1–65535', at: '"10.0.0.1:70000"' }],
  },
  {
    name: 'a scheme',
    spec: address('"http://example.com"'),
    findings: [{ message: `backend address "http://example.com" ${FORM}`, at: '"http://example.com"' }],
  },
  {
    name: 'a path',
    spec: address('"example.com/api"'),
    findings: [{ message: `backend address "example.com/api" ${FORM}`, at: '"example.com/api"' }],
  },
  {
    name: 'a port that is not a number',
    spec: address('"example.com:http"'),
    findings: [{ message: FORM, at: '"example.com:http"' }],
  },
  {
    name: 'an IPv6 address without brackets',
    spec: address('"2001:db8::1"'),
    findings: [{ message: FORM, at: '"2001:db8::1"' }],
  },
  { name: 'a space', spec: address('"example .com"'), findings: [{ message: FORM, at: '"example .com"' }] },
  { name: 'a query', spec: address('"example.com?x=1"'), findings: [{ message: FORM, at: '"example.com?x=1"' }] },
  { name: 'a user', spec: address('"user@example.com"'), findings: [{ message: FORM, at: '"user@example.com"' }] },
  { name: '255 characters', spec: address(`"${'a'.repeat(251)}.com"`), findings: [] },
  {
    name: '256 characters',
    spec: address(`"${'a'.repeat(252)}.com"`),
    findings: [{ message: 'backend address is 256 characters long; at most 255 are allowed', at: '"aaaa' }],
  },

  // Environment variables may stand for any part of the address (002 §5.2.1: #ipaddress#, #ipaddress##test#).
  { name: 'one variable', spec: address('"#backend#"'), findings: [] },
  { name: 'two variables run together (documented)', spec: address('"#ipaddress##test#"'), findings: [] },
  { name: 'a variable host and a port', spec: address('"#host#:8080"'), findings: [] },
  { name: 'a host and a variable port', spec: address('"api.example.com:#port#"'), findings: [] },
  { name: 'a variable host and a variable port', spec: address('"#host#:#port#"'), findings: [] },
  {
    name: 'a variable host and a port out of range',
    spec: address('"#host#:99999"'),
    findings: [{ message: 'backend port 99999 is outside 1–65535', at: '"#host#:99999"' }],
  },
  {
    name: 'a scheme before a variable',
    spec: address('"https://#host#"'),
    findings: [{ message: FORM, at: '"https://#host#"' }],
  },
  {
    name: 'a refused range with a variable port',
    spec: address('"127.0.0.1:#port#"'),
    findings: refused('127.0.0.1', '127.0.0.0/8', '"127.0.0.1:#port#"'),
  },
  {
    name: 'loopback',
    spec: address('"127.0.0.1:8080"'),
    findings: [
      { message: 'backend address 127.0.0.1 is in 127.0.0.0/8, which the gateway refuses', at: '"127.0.0.1:8080"' },
    ],
  },
  {
    name: 'link-local',
    spec: address('"169.254.1.1"'),
    findings: refused('169.254.1.1', '169.254.0.0/16', '"169.254.1.1"'),
  },
  {
    name: "the gateway's own egress range",
    spec: address('"100.125.0.5"'),
    findings: refused('100.125.0.5', '100.125.0.0/16', '"100.125.0.5"'),
  },
  { name: "next to the gateway's range", spec: address('"100.126.0.5"'), findings: [] },
  { name: 'this network', spec: address('"0.0.0.0:80"'), findings: refused('0.0.0.0', '0.0.0.0/8', '"0.0.0.0:80"') },
  {
    name: 'a documentation range',
    spec: address('"192.0.2.10"'),
    findings: refused('192.0.2.10', '192.0.2.0/24', '"192.0.2.10"'),
  },
  { name: 'multicast', spec: address('"224.0.0.1"'), findings: refused('224.0.0.1', '224.0.0.0/4', '"224.0.0.1"') },
  {
    name: 'broadcast',
    spec: address('"255.255.255.255"'),
    findings: refused('255.255.255.255', '240.0.0.0/4', '"255.255.255.255"'),
  },
  {
    name: 'private ranges are not flagged (the dedicated edition reaches its VPC)',
    spec: address('["10.0.0.1:80", "172.16.0.1:80", "192.168.1.1:80"]'),
    findings: [],
  },
  {
    name: 'each address of an array',
    spec: address('["10.0.0.1:80", "http://x"]'),
    findings: [{ message: 'backend address "http://x"', at: '["10.0.0.1:80"' }],
  },
  {
    name: 'a VPC channel backend has no address',
    spec: spec(
      op({
        backend:
          '        type: HTTP-VPC\n        httpVpcEndpoints: {name: vpc-test-1, scheme: http, method: GET, path: /users}\n',
      }),
    ),
    findings: [],
  },
  {
    name: 'a policy backend address',
    spec: spec(
      op({
        backend: HTTP(),
        extra:
          '      x-apigateway-backend-policies:\n        - name: pol_one\n          type: HTTP\n          effectMode: ANY\n          conditions: [{origin: source, value: 10.0.0.0/8}]\n          httpEndpoints: {address: "127.0.0.1", scheme: http, method: GET, path: /p}\n',
      }),
    ),
    findings: refused('127.0.0.1', '127.0.0.0/8', '"127.0.0.1"'),
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
  { name: 'documented variants of real exports', spec: fixture('variants/real-exports.yaml'), findings: [] },
]);
