/**
 * Regression (apig issue 12, "Absolute-form targets"): with `GET http://other.example.com/who` the group came
 * from the Host header. RFC 9112 §3.2.2: a server that receives an absolute-form target must ignore Host and
 * use the target's authority; the path to route is the target's path. Now the authority picks the group
 * (002 §5.1.2: the domain picks the group), and the path is the target's, read as sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { group } from '../../src/gateway/request/stages/group.js';
import { configFrom, context, mock } from '../unit/gateway/build.js';
import { pathsGateway, type PathsGateway } from '../e2e/serve-paths-kit.js';

let t: PathsGateway;
beforeAll(async () => {
  t = await pathsGateway();
});
afterAll(async () => {
  await t.close();
});

describe('an absolute-form request target', () => {
  it('picks the group by its authority, not by Host', async () => {
    expect((await t.send('http://other.example.com/who', { host: 'localhost' })).json()).toEqual({ group: 'other' });
    expect((await t.send('http://localhost/who', { host: 'other.example.com' })).json()).toEqual({ group: 'DEFAULT' });
  });

  it('with a port, upper case, user information or a query', async () => {
    expect((await t.send('http://OTHER.example.com:8080/who?x=1', { host: 'localhost' })).json()).toEqual({
      group: 'other',
    });
    expect((await t.send('https://someone@other.example.com/who', { host: 'localhost' })).json()).toEqual({
      group: 'other',
    });
  });

  it('routes on its path, and an origin-form target still goes by Host', async () => {
    expect((await t.send('http://other.example.com/files/a', { host: 'localhost' })).status).toBe(404);
    expect((await t.send('http://localhost/files/a?q=1', { host: 'other.example.com' })).backendUrl).toBe(
      '/files/a?q=1',
    );
    expect((await t.send('/who', { host: 'other.example.com' })).json()).toEqual({ group: 'other' });
  });

  it('in the group stage', async () => {
    const config = await configFrom(
      `swagger: "2.0"\ninfo: { title: g, version: "1" }\npaths:\n  /a:\n    get:\n      operationId: a\n${mock()}\n`,
      {},
      false,
    );
    const ctx = context(config, { url: 'http://Nowhere.example.com:81/a', headers: { host: 'g.example.com' } });
    expect(ctx.path).toBe('/a');
    expect(ctx.authority).toBe('nowhere.example.com:81');
    group(ctx);
    expect(ctx.trace?.[0]?.detail).toMatchObject({ host: 'nowhere.example.com:81' });
  });
});
