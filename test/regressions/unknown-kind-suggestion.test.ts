/**
 * Regression (issue 15, "`apig remove` (unknown command) suggests the nearest real one"): an unknown command
 * (`apig remvoe`) got commander's "(Did you mean remove?)", but an unknown kind after `apig add` (`apig add apy`,
 * a word the command checks itself, since `apig add` alone asks for the kind) only listed the kinds. Now it is
 * answered alike: the kinds, and the nearest ones.
 */
import { expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

it('apig add apy suggests api and app, apig add thorttle suggests throttle, exit 2', async () => {
  const apy = await runCli(['add', 'apy']);
  expect([apy.code, apy.stderr]).toEqual([
    2,
    'apig: unknown kind "apy"; choose api, app, env, throttle, acl, backend-policy\n(Did you mean one of api, app?)\n',
  ]);
  const thorttle = await runCli(['add', 'thorttle']);
  expect(thorttle.code).toBe(2);
  expect(thorttle.stderr).toMatch(/\n\(Did you mean throttle\?\)\n$/);
});
