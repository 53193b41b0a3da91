/**
 * The runner's contract for flags: without --yes every question no flag answers is asked (terminal) or
 * listed (no terminal); a flag its question does not apply to is refused, never dropped; an empty value
 * answers an optional question with nothing.
 */
import { describe, expect, it } from 'vitest';
import { backendPolicyFields } from '../../../src/cli/authoring/flows/backend-policy.js';
import { apiFields } from '../../../src/cli/authoring/flows/api.js';
import { initFields } from '../../../src/cli/authoring/flows/init.js';
import { ADD_FLOWS, ADD_KINDS } from '../../../src/cli/authoring/kinds.js';
import { runFields } from '../../../src/cli/authoring/runner.js';
import { demoContext, scripted } from './scripted.js';

/** Every flag of `add api` but --description, for the demo workspace. */
const ALMOST = {
  path: '/p',
  name: 'pApi',
  method: 'GET',
  matchMode: 'NORMAL',
  auth: 'NONE',
  param: [''],
  backendType: 'MOCK',
  mockBody: 'x',
  throttle: '',
  acl: '',
  cors: false,
};

describe('the runner', () => {
  it('every question asked only for some answers says what its flag needs', async () => {
    const ctx = await demoContext();
    const fields = [
      ...ADD_KINDS.flatMap((k) => ADD_FLOWS[k].fields(ctx).map((f) => ({ where: k, f }))),
      ...initFields({ dir: '/tmp/x', appKey: 'k' }, 'x').map((f) => ({ where: 'init', f })),
    ];
    expect(
      fields
        .filter(({ f }) => f.when !== undefined && f.needs === undefined)
        .map(({ where, f }) => `${where} --${f.flag}`),
    ).toEqual([]);
  });

  it('on a terminal, asks the questions no flag answers, even when every required one has a flag', async () => {
    const ctx = await demoContext();
    const play = scripted(['for tests']);
    const a = await runFields(apiFields(ctx), { flags: ALMOST, yes: false, prompter: play.prompter });
    expect(play.asked).toEqual(['Description (optional)']);
    expect(a).toMatchObject({ name: 'pApi', description: 'for tests', params: [] });
    // With every question answered, nothing is asked.
    const none = scripted([]);
    await runFields(apiFields(ctx), { flags: { ...ALMOST, description: '' }, yes: false, prompter: none.prompter });
    expect(none.asked).toEqual([]);
  });

  it('on a terminal, a flag for another backend type waits for the backend type question', async () => {
    const ctx = await demoContext();
    const flags = {
      ...ALMOST,
      description: '',
      backendType: undefined,
      mockBody: undefined,
      backendAddress: 'x.example.com:80',
    };
    const http = scripted(['HTTP', 'http', 'GET', '/p', '5000']);
    expect(await runFields(apiFields(ctx), { flags, yes: false, prompter: http.prompter })).toMatchObject({
      backendType: 'HTTP',
      address: 'x.example.com:80',
    });
    const mock = scripted(['MOCK', 'x']);
    await expect(runFields(apiFields(ctx), { flags, yes: false, prompter: mock.prompter })).rejects.toThrow(
      '--backend-address applies to HTTP backends, and the answer to "Backend type" was MOCK',
    );
    // Given with --backend-type, the conflict is known before anything is asked.
    const early = scripted([]);
    await expect(
      runFields(apiFields(ctx), { flags: { ...flags, backendType: 'FUNCTION' }, yes: false, prompter: early.prompter }),
    ).rejects.toThrow('--backend-address applies to HTTP backends, and --backend-type is FUNCTION');
    expect(early.asked).toEqual([]);
  });

  it('an empty value answers an optional question with nothing, and a required one not at all', async () => {
    const ctx = await demoContext();
    await expect(runFields(apiFields(ctx), { flags: { path: '', name: 'pApi' }, yes: true })).rejects.toThrow(
      '--path: an answer is needed',
    );
    expect(
      await runFields(apiFields(ctx), { flags: { path: '/p', param: ['', ' '], description: '' }, yes: true }),
    ).toMatchObject({ params: [] });
    await expect(
      runFields(backendPolicyFields(ctx), { flags: { api: 'hello', name: 'internal', condition: [''] }, yes: true }),
    ).rejects.toThrow('--condition: at least one is needed');
  });

  it('without a terminal, checks the flags given against the defaults before listing what is missing', async () => {
    const ctx = await demoContext();
    await expect(runFields(apiFields(ctx), { flags: { path: '/a b', name: 'ab1' }, yes: false })).rejects.toThrow(
      /^--path: request path "\/a b" has characters outside the URI set/,
    );
    // After a required question without a default, later flags are not checked (they could depend on it).
    await expect(runFields(apiFields(ctx), { flags: { name: 'hello' }, yes: false })).rejects.toThrow(/^missing flags/);
  });
});
