import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ADD_FLAGS, INIT_FLAGS, type FlagSpec } from '../../../src/cli/authoring/flags.js';
import { initFields, render, suggestedGroupName } from '../../../src/cli/authoring/flows/init.js';
import { appFields, envFields } from '../../../src/cli/authoring/flows/workspace.js';
import { ADD_FLOWS, ADD_KINDS } from '../../../src/cli/authoring/kinds.js';
import { runFields } from '../../../src/cli/authoring/runner.js';
import { demoContext, readText, scripted } from './scripted.js';

describe('apig add app', () => {
  it('refuses a taken name; offers only APP-auth APIs to authorize', async () => {
    const ctx = await demoContext();
    const play = scripted(['app1', 'mobile', 'k'.repeat(32), '', ['RELEASE'], ['getUser']]);
    const a = await runFields(appFields(ctx), { flags: {}, yes: false, prompter: play.prompter });
    expect(play.refused).toEqual(['an app named app1 already exists (APIG.3203)']);
    const plan = ADD_FLOWS.app.plan(ctx, a, readText);
    const ws = parse(plan.edits[0]?.text ?? '') as { apps: unknown[] };
    expect(ws.apps[1]).toEqual({
      name: 'mobile',
      key: 'k'.repeat(32),
      secret: '${MOBILE_SECRET}',
      authorize: { RELEASE: ['getUser'] },
    });
    expect(plan.notes).toEqual(["set MOBILE_SECRET to the app's secret before apig serve or apig sign --app mobile"]);
    await expect(
      runFields(appFields(ctx), { flags: { name: 'web', authorizeApis: 'hello' }, yes: true }),
    ).rejects.toThrow('--authorize-apis: "hello" is not one of *, getUser');
  });

  it('--yes generates a 32-hex key and authorizes every APP-auth API in every environment', async () => {
    const ctx = await demoContext();
    const a = await runFields(appFields(ctx), { flags: { name: 'ci' }, yes: true });
    expect(a.key).toMatch(/^[0-9a-f]{32}$/);
    expect(a).toMatchObject({ secret: '${CI_SECRET}', authorizeEnvs: ['RELEASE', 'test'], authorizeApis: ['*'] });
    await expect(
      runFields(appFields(ctx), { flags: { name: 'ci', key: '6cc7e0042e1645c4bc954368d3b495a8' }, yes: true }),
    ).rejects.toThrow('--key: app app1 already has this key; the gateway finds the app by its key');
  });
});

describe('apig add env', () => {
  it("refuses a bad environment or variable name with workspace-references' message", async () => {
    const ctx = await demoContext();
    const play = scripted([
      'qa',
      'staging',
      'for QA',
      true,
      'x',
      'backend',
      '10.1.2.3:80',
      true,
      'backend',
      'basePath',
      '/v2',
      false,
    ]);
    const a = await runFields(envFields(ctx), { flags: {}, yes: false, prompter: play.prompter });
    expect(play.refused).toEqual([
      'environment name "qa" must be 3–64 letters, digits or underscores, starting with a letter (workspace-references)',
      'variable name "x" must be 3–32 letters, digits, "-" or "_", starting with a letter (workspace-references)',
      'variable backend is given twice',
    ]);
    const text = ADD_FLOWS.env.plan(ctx, a, readText).edits[0]?.text ?? '';
    expect(parse(text).environments.staging).toEqual({
      description: 'for QA',
      variables: { backend: '10.1.2.3:80', basePath: '/v2' },
    });
    // Only the new environment was inserted: the rest of apig.yaml is as written.
    expect(text.startsWith(readText(ctx.ws.file).split('publish:')[0]?.trimEnd() ?? '')).toBe(true);
    await expect(runFields(envFields(ctx), { flags: { name: 'test' }, yes: true })).rejects.toThrow(
      '--name: environment test already exists (APIG.3205)',
    );
    await expect(runFields(envFields(ctx), { flags: { name: 'prod', var: ['backend'] }, yes: true })).rejects.toThrow(
      '--var: "backend": expected name=value',
    );
  });
});

describe('apig init', () => {
  it('refuses a group name the import rules refuse, and renders every template', async () => {
    const setup = { dir: '/tmp/x', appKey: 'a'.repeat(32) };
    const play = scripted(['http', '1shop', 'shop', 'http://localhost', 'localhost:3000']);
    const a = await runFields(initFields(setup, 'my shop'), { flags: {}, yes: false, prompter: play.prompter });
    expect(play.refused[0]).toMatch(
      /^group name "1shop" must be 3–64 letters, digits or underscores, starting with a letter/,
    );
    expect(play.refused[1]).toBe(
      '"http://localhost" must be host[:port], without a scheme or path (User Guide §5.2.1)',
    );
    expect(render(setup, a).rendered.workspace).toContain('backend: "localhost:3000"');
    expect(suggestedGroupName('my shop')).toBe('my_shop');
    expect(suggestedGroupName('2024')).toBe('demo');
  });
});

describe('the flag table', () => {
  it("names exactly the flags of each flow's fields", async () => {
    const ctx = await demoContext();
    for (const kind of ADD_KINDS) {
      const fields = ADD_FLOWS[kind]
        .fields(ctx)
        .map((f) => f.flag)
        .sort();
      expect([kind, ...fields]).toEqual([kind, ...ADD_FLAGS[kind].map((f) => f.flag).sort()]);
    }
    // The choices --help shows and the shell completes hold every answer the questions offer.
    for (const kind of ADD_KINDS)
      for (const f of ADD_FLOWS[kind].fields(ctx)) {
        const spec = ADD_FLAGS[kind].find((x) => x.flag === f.flag) as FlagSpec;
        if (f.kind !== 'select' || ['group', 'throttle', 'acl', 'api', 'authorizer'].includes(f.flag)) {
          // Names from the workspace: completed from it, not listed in the table.
          expect([kind, f.flag, spec.choices]).toEqual([kind, f.flag, undefined]);
          continue;
        }
        const offered = f.choices({ group: 'demo', backendType: 'HTTP', api: 'getUser' }).map((c) => c.value);
        // What is offered depends on other answers (AUTHORIZER where the group has an authorizer, a policy
        // backend's types on its API's): always among the table's choices.
        expect([kind, f.flag, offered.filter((v) => !spec.choices?.includes(v))]).toEqual([kind, f.flag, []]);
      }
    expect(
      initFields({ dir: '/tmp/x', appKey: 'k' }, 'x')
        .map((f) => f.flag)
        .sort(),
    ).toEqual(INIT_FLAGS.map((f) => f.flag).sort());
  });
});
