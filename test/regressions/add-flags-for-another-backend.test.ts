/**
 * Regression: `apig add api --backend-address x.com:80 --function-urn zz --yes` wrote a MOCK backend: a flag
 * whose question is asked only for another choice (another backend type, another template, a group with
 * throttling policies) was dropped, and `--backend-timeout abc` was accepted with the default MOCK. Such a
 * flag is now refused (exit 2) with the choice it needs, and nothing is written.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'apig-regression-'));
  expect((await runCli(['init', 'shop', '--template', 'http', '--yes'], { cwd: dir })).code).toBe(0);
  ws = join(dir, 'shop');
});

describe('flags that belong to another choice', () => {
  it('are refused with the choice they need, and nothing is written', async () => {
    const before = readFileSync(join(ws, 'shop.yaml'), 'utf8');
    const cases: Array<[string[], string]> = [
      [
        ['--backend-address', 'x.com:80', '--function-urn', 'zz'],
        'apig: flags that do not apply:\n' +
          '  --backend-address applies to HTTP backends; add --backend-type HTTP (the default is MOCK)\n' +
          '  --function-urn applies to FUNCTION backends; add --backend-type FUNCTION (the default is MOCK)\n',
      ],
      [
        ['--backend-timeout', 'abc'],
        'apig: --backend-timeout applies to HTTP, HTTP-VPC and FUNCTION backends; add --backend-type HTTP, HTTP-VPC or FUNCTION (the default is MOCK)\n',
      ],
      [
        ['--backend-type', 'FUNCTION', '--backend-address', 'x.com:80'],
        'apig: --backend-address applies to HTTP backends, and --backend-type is FUNCTION\n',
      ],
      [
        ['--backend-type', 'HTTP', '--backend-address', 'x.com:80', '--backend-timeout', 'abc'],
        'apig: --backend-timeout: "abc" is not a whole number\n',
      ],
      [
        ['--throttle', 'gold'],
        'apig: --throttle: group shop has no throttling policy yet; add one with apig add throttle\n',
      ],
      // A bad value of the deciding flag is reported as such, not as an empty answer (review finding).
      [
        ['--backend-type', 'HTTPX', '--backend-address', 'a.b:1'],
        'apig: --backend-type: "HTTPX" is not one of MOCK, HTTP, HTTP-VPC, FUNCTION\n',
      ],
      [['--auth', 'AUTHORIZER', '--authorizer', 'foo'], 'apig: --auth: "AUTHORIZER" is not one of NONE, APP, IAM\n'],
      [
        ['--publish', 'RELEASE'],
        // Without a publish: map every API is in RELEASE already (issue 15: --publish creates the map for another).
        'apig: --publish: the workspace has no environment but RELEASE, where every API is published; ' +
          'add one with apig add env\n',
      ],
    ];
    for (const [flags, stderr] of cases) {
      const r = await runCli(['add', 'api', '--path', '/q3', '--name', 'qqq3', ...flags, '--yes'], { cwd: ws });
      expect([flags.join(' '), r.stderr, r.code]).toEqual([flags.join(' '), stderr, 2]);
    }
    expect(readFileSync(join(ws, 'shop.yaml'), 'utf8')).toBe(before);
  });

  it('a policy backend whose API allows one backend type says so', async () => {
    const r = await runCli(
      [
        'add',
        'backend-policy',
        '--api',
        'getUser',
        '--name',
        'gold',
        '--condition',
        'source:10.0.0.0/8',
        '--mock-body',
        '{}',
        '--yes',
      ],
      { cwd: ws },
    );
    expect([r.stderr, r.code]).toEqual([
      'apig: --mock-body applies to MOCK backends, and --backend-type can only be HTTP or HTTP-VPC here\n',
      2,
    ]);
  });

  it('init refuses a flag of another template', async () => {
    const mock = await runCli(['init', 'w1', '--template', 'mock', '--backend', '10.0.0.1:80', '--yes'], { cwd: dir });
    expect([mock.stderr, mock.code]).toEqual([
      'apig: --backend applies to the http template, and --template is mock\n',
      2,
    ]);
    const dflt = await runCli(['init', 'w2', '--app', 'partner', '--yes'], { cwd: dir });
    expect([dflt.stderr, dflt.code]).toEqual([
      'apig: --app applies to the app-auth template; add --template app-auth (the default is mock)\n',
      2,
    ]);
  });
});
