/**
 * Each group's local domain (`LABEL.localhost`): how a group name becomes a DNS label, how two groups that make one
 * label are told apart, and the URL the route table prints for an API (docs/serve.md, Local domains).
 */
import { describe, expect, it } from 'vitest';
import { localDomainOf, localDomains } from '../../../src/gateway/compile/local-domain.js';
import { samplePath } from '../../../src/gateway/compile/route-url.js';
import { renderReach, shellWord } from '../../../src/cli/serve-render.js';
import { compileConfig } from '../../../src/gateway/compile/config.js';
import { configFrom, workspaceFrom } from './build.js';

describe('a group name as a DNS label', () => {
  it.each([
    ['shop', 'shop.localhost'],
    ['APIGroup_docs', 'apigroup-docs.localhost'],
    ['orders_V2', 'orders-v2.localhost'],
    ['my shop (test)', 'my-shop-test.localhost'],
    ['a.b/c:d', 'a-b-c-d.localhost'],
    ['__x__', 'x.localhost'],
    ['Café', 'cafe.localhost'],
    ['订单', 'xn--4kr132k.localhost'],
    ['订单_API', 'xn---api-kt0g2590a.localhost'],
    ['___', 'group.localhost'],
    ['', 'group.localhost'],
  ])('%j → %s', (name, host) => {
    expect(localDomainOf(name)).toBe(host);
  });

  it('is at most 63 characters, never ending in a hyphen', () => {
    const label = localDomainOf(`${'a'.repeat(62)}_b`).replace('.localhost', '');
    expect(label).toBe('a'.repeat(62));
    expect(localDomainOf('x'.repeat(255)).replace('.localhost', '')).toHaveLength(63);
    const long = localDomainOf('订'.repeat(100)).replace('.localhost', '');
    expect(long.startsWith('xn--')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(63);
  });
});

describe('two groups that make one label', () => {
  const hosts = (groups: Array<{ name: string; domains?: string[] }>) =>
    localDomains(groups.map((g) => ({ name: g.name, domains: g.domains ?? [] })));

  it('the first in apig.yaml keeps it, the next gets -2, without taking a label another group asks for', () => {
    const r = hosts([{ name: 'Shop' }, { name: 'shop' }, { name: 'shop-2' }, { name: 'SHOP' }]);
    expect(r.hosts).toEqual(['shop.localhost', 'shop-3.localhost', 'shop-2.localhost', 'shop-4.localhost']);
    expect(r.clashes.map((c) => [c.group, c.given, c.holder, c.bound])).toEqual([
      ['shop', 'shop-3.localhost', 'Shop', false],
      ['SHOP', 'shop-4.localhost', 'Shop', false],
    ]);
  });

  it('a domain another group binds stays that group’s; a group may bind its own local domain', () => {
    const r = hosts([{ name: 'a', domains: ['B.localhost.'] }, { name: 'b' }, { name: 'c', domains: ['c.localhost'] }]);
    expect(r.hosts).toEqual(['a.localhost', 'b-2.localhost', 'c.localhost']);
    expect(r.clashes).toEqual([
      { group: 'b', wanted: 'b.localhost', given: 'b-2.localhost', holder: 'a', bound: true },
    ]);
  });

  it('the suffix fits in 63 characters', () => {
    const name = 'n'.repeat(70);
    const r = hosts([{ name }, { name: `${name}_` }]);
    expect(r.hosts[1]).toBe(`${'n'.repeat(61)}-2.localhost`);
  });
});

describe('the compiled configuration', () => {
  const spec = `swagger: "2.0"
info: { title: g, version: "1" }
paths:
  /users/{id}/orders/{state}/{name}:
    get:
      operationId: orders
      parameters:
        - { name: id, in: path, type: integer, required: true, minimum: 5 }
        - { name: state, in: path, type: string, required: true, enum: [open, closed] }
        - { name: name, in: path, type: string, required: true, minLength: 6 }
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: ok } }
  "/odd/it's [x]&$":
    get:
      operationId: odd
      responses: { "200": { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: ok } }
`;
  it('binds the local domain beside the group’s domains', async () => {
    const config = await configFrom(spec);
    expect(config.groups[0]?.localDomain).toBe('g.localhost');
    expect(config.byDomain.get('g.localhost')).toBe(config.groups[0]);
  });

  it('warns when two groups make one label, naming both and where the second answers', async () => {
    const ws = await workspaceFrom(spec);
    const first = ws.groups[0];
    if (!first) throw new Error('no group');
    ws.groups.push({ ...first, ref: { ...first.ref, name: 'G' } });
    const { config, diagnostics } = compileConfig(ws, { protocolCheck: false });
    expect(config.groups.map((g) => g.localDomain)).toEqual(['g.localhost', 'g-2.localhost']);
    expect(config.byDomain.get('g-2.localhost')?.name).toBe('G');
    expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toContainEqual([
      'serve-duplicate-domain',
      'warn',
      "group g has the local domain g.localhost, which group G's name also makes; G answers at g-2.localhost " +
        '(docs/serve.md, Local domains)',
    ]);
  });

  it('fills each path parameter with a value it accepts, and encodes what the shell or curl would read', async () => {
    const config = await configFrom(spec);
    const paths = config.apis.map((c) => samplePath(c));
    expect(paths).toEqual(['/users/5/orders/open/namexx', '/odd/it%27s%20%5Bx%5D&$']);
  });
});

describe('a URL as a shell word', () => {
  it.each([
    ['http://shop.localhost:8080/users/1', 'http://shop.localhost:8080/users/1'],
    ['http://shop.localhost:8080/a&b', "'http://shop.localhost:8080/a&b'"],
    ["http://h/it's", "'http://h/it'\\''s'"],
    ['http://h/$x(y)*', "'http://h/$x(y)*'"],
  ])('%s → %s', (url, word) => {
    expect(shellWord(url)).toBe(word);
  });
});

describe('the lines under the route table', () => {
  it('say that calls by IP reach no group only when several groups have no DEFAULT', () => {
    expect(renderReach({ groups: 1, byIp: true })).toBe('');
    expect(renderReach({ groups: 3, byIp: true })).toBe('');
    expect(renderReach({ groups: 3, byIp: false })).toContain(
      'calls by IP reach no group (3 groups, none named DEFAULT)',
    );
  });

  it('give curl the address when the gateway does not listen on loopback, if a URL uses a local domain', () => {
    expect(renderReach({ groups: 1, byIp: true, address: '192.0.2.2:8080' })).toBe('');
    expect(renderReach({ groups: 2, byIp: true, address: '192.0.2.2:8080' })).toContain(
      'add --connect-to ::192.0.2.2:8080 to curl',
    );
  });
});
