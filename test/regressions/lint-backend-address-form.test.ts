/**
 * A backend address longer than the console's 255 characters (API Reference: Creating an API, backend
 * url_domain), or with characters no host name or IP address has (`example.com?x=1`, `user@example.com`), linted
 * clean although the console refuses it. A backend address is host[:port] (User Guide §5.2.1), at most 255
 * characters; `#var#` variables, IPv6 in brackets and documented examples stay clean.
 */
import { describe, expect, it } from 'vitest';
import { ruleMessages } from './lint-json.js';

const doc = (address: string): string => `swagger: "2.0"
info: {title: address_group, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses: {"200": {description: ok}}
      x-apigateway-backend:
        type: HTTP
        httpEndpoints: {address: "${address}", scheme: https, method: GET, path: /a}
`;

const findings = (address: string): Promise<string[]> => ruleMessages(doc(address), 'backend-address');

const host = (n: number): string => `${'a'.repeat(n - 4)}.com`;

describe('backend address form', () => {
  it.each([
    ['a host of 255 characters', host(255)],
    ['255 characters with a port', `${host(250)}:8080`],
    ['two variables (documented)', '#ipaddress##test#'],
    ['IPv6 in brackets', '[2001:db8::1]:8443'],
    ['an underscore', 'my_host.example.com:80'],
    ['an internationalised domain name', '例子.中国'],
  ])('%s is clean', async (_, address) => {
    expect(await findings(address)).toEqual([]);
  });

  it('256 characters are too many', async () => {
    expect(await findings(host(256))).toEqual([
      'backend address is 256 characters long; at most 255 are allowed (API Reference: Creating an API)',
    ]);
  });

  it.each(['example.com?x=1', 'user@example.com', 'example.com,other.com', 'exa*mple.com'])(
    '%s is not host[:port]',
    async (address) => {
      expect(await findings(address)).toEqual([
        `backend address "${address}" must be host[:port], without a scheme or path (User Guide §5.2.1)`,
      ]);
    },
  );
});
