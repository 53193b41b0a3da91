import { describe, expect, it } from 'vitest';
import { ApigError } from '../../../src/core/errors.js';
import { apiFields } from '../../../src/cli/authoring/flows/api.js';
import { ADD_FLOWS } from '../../../src/cli/authoring/kinds.js';
import { runFields } from '../../../src/cli/authoring/runner.js';
import { loadGroupText } from '../../../src/oas/load-group.js';
import { demoContext, readText, scripted } from './scripted.js';

describe('apig add api: the prompt flow', () => {
  it("refuses an invalid path, a conflicting route and a reserved parameter name with the rules' messages, then asks again", async () => {
    const ctx = await demoContext();
    const play = scripted([
      'GET', // method
      '/bad path',
      '/users/{id}',
      '/carts/{cartId}', // path: refused twice
      'NORMAL', // match mode
      'getCart', // name
      'the cart', // description
      'APP', // auth
      true,
      'X-Apig-Debug',
      'verbose',
      'QUERY',
      'STRING',
      false, // a parameter, the first name refused
      true,
      'x_trace',
      'HEADER',
      'QUERY',
      'STRING',
      true, // "_" is refused in a header, not in the query
      false, // no more parameters
      'HTTP',
      '#backend#',
      'https',
      'GET',
      '/carts/{cartId}',
      '5000', // backend
      'perApp', // throttle
      true, // cors
    ]);
    const a = await runFields(apiFields(ctx), { flags: {}, yes: false, prompter: play.prompter });
    expect(play.refused).toEqual([
      'request path "/bad path" has characters outside the URI set (spaces, quotes, ?, #, <, >, \\, ^ and | are not allowed) (path-syntax)',
      'route conflict: demo.yaml GET /users/{id} (the new API) matches the same requests as demo.yaml GET /users/{userId} (getUser) (route-conflict)',
      'parameter "X-Apig-Debug": names starting with x-apig- or x-sdk- are reserved (case-insensitive) (reserved-name)',
      'HEADER parameter names may not contain "_" (proxies drop such headers)'.replace(/^/, 'parameter "x_trace": ') +
        ' (reserved-name)',
    ]);
    expect(play.left()).toEqual([]);
    expect(a).toMatchObject({
      method: 'GET',
      path: '/carts/{cartId}',
      name: 'getCart',
      auth: 'APP',
      backendType: 'HTTP',
      address: '#backend#',
      throttle: 'perApp',
      cors: true,
    });
    expect(a.params).toEqual([
      { paramName: 'verbose', paramIn: 'QUERY', paramType: 'STRING', paramRequired: false },
      { paramName: 'x_trace', paramIn: 'QUERY', paramType: 'STRING', paramRequired: true },
    ]);

    const plan = ADD_FLOWS.api.plan(ctx, a, readText);
    const [edit] = plan.edits;
    expect(edit?.file.endsWith('demo.yaml')).toBe(true);
    const reread = await loadGroupText('demo.yaml', edit?.text ?? '');
    const api = reread.group?.apis.find((x) => x.name === 'getCart');
    expect(api).toMatchObject({
      method: 'GET',
      path: '/carts/{cartId}',
      security: [['apig-auth-app']],
      throttle: 'perApp',
      cors: true,
      backend: {
        type: 'HTTP',
        http: { address: ['#backend#'], scheme: 'https', path: '/carts/{cartId}', timeout: 5000 },
      },
    });
    expect(api?.params.map((p) => `${p.location}:${p.name}:${String(p.required)}`)).toEqual([
      'PATH:cartId:true',
      'QUERY:verbose:false',
      'QUERY:x_trace:true',
    ]);
    // The demo defines apig-auth-app already: no second scheme.
    expect(plan.notes).toEqual([]);
  });

  it("takes flags without asking (--yes for the rest), and refuses an invalid flag value with the rule's message", async () => {
    const ctx = await demoContext();
    const a = await runFields(apiFields(ctx), {
      flags: { path: '/ping', name: 'ping', param: ['q:query:number'] },
      yes: true,
    });
    expect(a).toMatchObject({
      method: 'GET',
      matchMode: 'NORMAL',
      backendType: 'MOCK',
      cors: false,
      params: [{ paramName: 'q', paramIn: 'QUERY', paramType: 'NUMBER' }],
    });
    await expect(
      runFields(apiFields(ctx), { flags: { path: '/ping', name: 'ping', param: ['X-Sdk-Date:header'] }, yes: true }),
    ).rejects.toThrow(
      '--param: "X-Sdk-Date:header": parameter "X-Sdk-Date": names starting with x-apig- or x-sdk- are reserved (case-insensitive) (reserved-name)',
    );
    await expect(runFields(apiFields(ctx), { flags: { path: 'ping', name: 'ping' }, yes: true })).rejects.toThrow(
      '--path: request path "ping" must start with "/" (path-syntax)',
    );
    await expect(runFields(apiFields(ctx), { flags: { path: '/x', name: 'hello' }, yes: true })).rejects.toThrow(
      /--name: API name "hello" is already used/,
    );
    await expect(
      runFields(apiFields(ctx), { flags: { path: '/x', name: 'xApi', method: 'FETCH' }, yes: true }),
    ).rejects.toThrow('--method: "FETCH" is not one of GET, POST');
    await expect(
      runFields(apiFields(ctx), {
        flags: { path: '/x', name: 'xApi', backendType: 'HTTP', backendAddress: 'http://a.example.com/x' },
        yes: true,
      }),
    ).rejects.toThrow(
      '--backend-address: backend address "http://a.example.com/x" must be host[:port], without a scheme or path (User Guide §5.2.1) (backend-address)',
    );
    await expect(
      runFields(apiFields(ctx), {
        flags: { path: '/x', name: 'xApi', backendType: 'HTTP', backendAddress: '#nowhere#' },
        yes: true,
      }),
    ).rejects.toThrow(/--backend-address: variable #nowhere# is not defined in environments RELEASE, test/);
  });

  it('without a terminal lists the missing flags; --yes takes the defaults (the name from the method and path)', async () => {
    const ctx = await demoContext();
    const help = (f: string) => `help for ${f}`;
    const err = await runFields(apiFields(ctx), { flags: {}, yes: false, help }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApigError);
    // Without --yes every question is missing, not only those without a default.
    expect((err as ApigError).message).toBe(
      [
        'missing flags (there is no terminal to ask on):',
        ...[
          'method',
          'path',
          'match-mode',
          'name',
          'description',
          'auth',
          'param',
          'backend-type',
          'mock-body',
          'throttle',
        ].map((f) => `  ${`--${f}`.padEnd(16)}help for ${f}`),
        '  --[no-]cors     help for cors',
        'give them, or add --yes to take their defaults (--path and --name have none)',
      ].join('\n'),
    );
    await expect(
      runFields(apiFields(ctx), {
        flags: {
          path: '/p',
          name: 'pApi',
          method: 'GET',
          matchMode: 'NORMAL',
          description: '',
          auth: 'NONE',
          param: [''],
          backendType: 'MOCK',
          mockBody: 'x',
          throttle: '',
        },
        yes: false,
        help,
      }),
    ).rejects.toThrow(
      'missing flag (there is no terminal to ask on):\n  --[no-]cors  help for cors\ngive it, or add --yes to take its default',
    );
    const all = await runFields(apiFields(ctx), {
      flags: {
        path: '/p',
        name: 'pApi',
        method: 'GET',
        matchMode: 'NORMAL',
        description: '',
        auth: 'NONE',
        param: [''],
        backendType: 'MOCK',
        mockBody: 'x',
        throttle: '',
        cors: false,
      },
      yes: false,
    });
    expect(all).toMatchObject({ name: 'pApi', params: [], cors: false, mockBody: 'x' });
    await expect(runFields(apiFields(ctx), { flags: {}, yes: true })).rejects.toThrow(
      /missing flags \(nothing is asked with --yes, and these have no default\):\n {2}--path/,
    );
    const a = await runFields(apiFields(ctx), { flags: { path: '/orders/{id}', method: 'post' }, yes: true });
    expect(a).toMatchObject({ name: 'postOrdersId', method: 'POST' });
    // An HTTP backend needs an address: --yes cannot make one up.
    await expect(runFields(apiFields(ctx), { flags: { path: '/o', backendType: 'HTTP' }, yes: true })).rejects.toThrow(
      /--backend-address/,
    );
  });
});
