/**
 * Flags on a terminal: the questions the flags leave open are asked (and only those), and a flag whose
 * question another answer decides waits for that answer instead of being dropped.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, runInPty, type PtySession } from './pty.js';
import { runCli } from './run-cli.js';

async function answer(s: PtySession, question: string, keys: string): Promise<void> {
  await s.waitFor(question);
  s.send(keys);
}

describe('flags on a terminal', () => {
  it('asks only what the flags leave open; a backend flag waits for the backend type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-pty-'));
    expect((await runCli(['init', '--yes', '--group', 'demo', '--template', 'http'], { cwd: dir })).code).toBe(0);

    const open = runInPty(
      [
        'add',
        'api',
        '--path',
        '/p',
        '--name',
        'pApi',
        '--method',
        'GET',
        '--match-mode',
        'NORMAL',
        '--auth',
        'NONE',
        '--param',
        '',
        '--backend-type',
        'MOCK',
        '--mock-body',
        '{}',
      ],
      { cwd: dir },
    );
    await answer(open, 'Description', `for tests${KEY.enter}`);
    await answer(open, 'CORS', `n${KEY.enter}`);
    await open.waitFor('added API pApi (GET /p, MOCK backend)');
    expect(await open.exited).toBe(0);
    expect(open.screen()).not.toMatch(/Method|Match mode|Authentication|Backend type/);

    const waits = runInPty(
      ['add', 'api', '--path', '/q3', '--name', 'qqq3', '--backend-address', 'x.example.com:80', '--yes'],
      { cwd: dir },
    );
    await waits.waitFor(
      'apig: --backend-address applies to HTTP backends; add --backend-type HTTP (the default is MOCK)',
    );
    expect(await waits.exited).toBe(2);

    const asked = runInPty(
      [
        'add',
        'api',
        '--path',
        '/q4',
        '--name',
        'qqq4',
        '--method',
        'GET',
        '--match-mode',
        'NORMAL',
        '--description',
        '',
        '--auth',
        'NONE',
        '--param',
        '',
        '--backend-address',
        'x.example.com:80',
        '--no-cors',
      ],
      { cwd: dir },
    );
    await answer(asked, 'Backend type', KEY.down + KEY.enter); // MOCK → HTTP: --backend-address applies
    await answer(asked, 'Backend protocol', KEY.enter);
    await answer(asked, 'Backend method', KEY.enter);
    await answer(asked, 'Backend path', KEY.enter);
    await answer(asked, 'Backend timeout', KEY.enter);
    await asked.waitFor('added API qqq4 (GET /q4, HTTP backend)');
    expect(await asked.exited).toBe(0);
    expect(asked.screen()).not.toContain('Backend address');
    expect(readFileSync(join(dir, 'demo.yaml'), 'utf8')).toContain('x.example.com:80');
  }, 60_000);
});
