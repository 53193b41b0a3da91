/**
 * The guided sessions as a person has them: the real binary on a pseudo-terminal, answered with arrow
 * keys, enter and typed text. Every key is sent after the question it answers is on screen.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/workspace/load.js';
import { KEY, runInPty, type PtySession } from './pty.js';
import { runCli } from './run-cli.js';

const CLEAR = KEY.backspace.repeat(30);

async function answer(s: PtySession, question: string, keys: string): Promise<void> {
  await s.waitFor(question);
  s.send(keys);
}

describe('guided sessions on a terminal', () => {
  it('apig init, then apig add api with a refused path and a refused parameter name, then apig add throttle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-pty-'));

    const init = runInPty(['init', 'shop'], { cwd: dir });
    await answer(init, 'Start from', KEY.down + KEY.enter); // mock → http
    await answer(init, 'Group name', `${CLEAR}shop${KEY.enter}`);
    await answer(init, 'Backend host:port', KEY.enter); // the default 127.0.0.1:9000
    await init.waitFor('lint: no findings');
    expect(await init.exited).toBe(0);
    const ws = join(dir, 'shop');
    expect(readFileSync(join(ws, 'apig.yaml'), 'utf8')).toContain('backend: "127.0.0.1:9000"');

    const add = runInPty(['add', 'api'], { cwd: ws });
    await answer(add, 'Method', KEY.down + KEY.enter); // GET → POST
    await answer(add, 'Request path', `/carts/{id} x${KEY.enter}`);
    await add.waitFor('(path-syntax)');
    add.send(`${CLEAR}/carts/{cartId}${KEY.enter}`);
    await answer(add, 'Match mode', KEY.enter);
    await answer(add, 'API name', KEY.enter); // the suggested postCartsCartId
    await answer(add, 'Description', `adds to a cart${KEY.enter}`);
    await answer(add, 'Authentication', KEY.down + KEY.enter); // NONE → APP
    await answer(add, 'Add a query or header parameter?', `y${KEY.enter}`);
    await answer(add, 'Parameter name', `X-Apig-Mode${KEY.enter}`);
    await add.waitFor('(reserved-name)');
    add.send(`${CLEAR}mode${KEY.enter}`);
    await answer(add, 'Location', KEY.enter); // QUERY
    await answer(add, 'Type', KEY.enter); // STRING
    await answer(add, 'Required?', `n${KEY.enter}`);
    await answer(add, 'Add a query or header parameter?', `n${KEY.enter}`);
    await answer(add, 'Backend type', KEY.down + KEY.enter); // MOCK → HTTP
    await answer(add, 'Backend address', `#backend#${KEY.enter}`);
    await answer(add, 'Backend protocol', KEY.enter);
    await answer(add, 'Backend method', KEY.enter); // the API's POST
    await answer(add, 'Backend path', KEY.enter); // the API's path
    await answer(add, 'Backend timeout', KEY.enter);
    await answer(add, 'CORS', `n${KEY.enter}`);
    await add.waitFor('lint: no new findings');
    expect(await add.exited).toBe(0);

    const throttle = runInPty(['add'], { cwd: ws });
    await answer(throttle, 'What do you want to add?', KEY.down.repeat(3) + KEY.enter); // api, app, env, throttle
    await answer(throttle, 'Policy name', `perCart${KEY.enter}`);
    await answer(throttle, 'API limit', `${CLEAR}20${KEY.enter}`);
    await answer(throttle, 'User limit', `30${KEY.enter}`);
    await throttle.waitFor('user-limit 30 is above api-limit 20 (throttle-policy)');
    throttle.send(`${CLEAR}10${KEY.enter}`);
    await answer(throttle, 'App limit', KEY.enter);
    await answer(throttle, 'IP limit', KEY.enter);
    await answer(throttle, 'Interval', KEY.enter);
    await answer(throttle, 'Time unit', KEY.down + KEY.enter); // SECOND → MINUTE
    await answer(throttle, 'Share the API limit', KEY.enter);
    await answer(throttle, 'Apply the throttling policy to these APIs', KEY.down + KEY.space + KEY.enter); // the second API
    await throttle.waitFor('lint: no new findings');
    expect(await throttle.exited).toBe(0);

    const loaded = await loadWorkspace(ws, { cwd: ws, env: {} });
    const api = loaded.workspace?.groups[0]?.model.apis.find((a) => a.name === 'postCartsCartId');
    expect(api).toMatchObject({
      method: 'POST',
      path: '/carts/{cartId}',
      description: 'adds to a cart',
      security: [['apig-auth-app']],
      throttle: 'perCart',
      backend: {
        type: 'HTTP',
        http: { address: ['#backend#'], method: 'POST', path: '/carts/{cartId}', timeout: 5000 },
      },
    });
    expect(api?.params.map((p) => `${p.location}:${p.name}`)).toEqual(['PATH:cartId', 'QUERY:mode']);
    expect(loaded.workspace?.groups[0]?.model.throttles).toEqual([
      expect.objectContaining({ name: 'perCart', apiLimit: 20, userLimit: 10, unit: 'MINUTE' }),
    ]);
    const lint = await runCli(['lint'], { cwd: ws });
    expect(lint.code).toBe(0);
    expect((await runCli(['export', '--check'], { cwd: ws })).stdout).toContain('nothing is lost');
  }, 120_000);

  it('Ctrl-C ends a session without writing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-pty-'));
    expect((await runCli(['init', '--yes', '--group', 'demo'], { cwd: dir })).code).toBe(0);
    const before = readFileSync(join(dir, 'demo.yaml'), 'utf8');
    const s = runInPty(['add', 'api'], { cwd: dir });
    await answer(s, 'Method', '\x03');
    await s.waitFor('cancelled; nothing was written');
    expect(await s.exited).toBe(2);
    expect(readFileSync(join(dir, 'demo.yaml'), 'utf8')).toBe(before);
  }, 60_000);
});
