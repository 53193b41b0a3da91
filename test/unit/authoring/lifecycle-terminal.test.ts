/**
 * `apig edit`, `remove`, `rename`, `bind` and `unpublish` on a terminal, through the prompter seam: the
 * questions come pre-filled (Enter keeps a value), a missing name is chosen from a list, a destructive change
 * asks first and "no" writes nothing.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../src/cli/context.js';
import { runEdit } from '../../../src/cli/authoring/edit.js';
import { runBind, runPublish, runRemove, runRename } from '../../../src/cli/authoring/lifecycle-run.js';
import { makeIo } from '../../../src/cli/io.js';
import { DEMO, scripted } from './scripted.js';

function session(): { dir: string; cmd: CommandContext; out: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'apig-lifecycle-tty-'));
  cpSync(DEMO, dir, { recursive: true });
  let out = '';
  const io = makeIo([], {
    out: (t) => {
      out += t;
    },
    err: () => {},
    readStdin: async () => Buffer.alloc(0),
    stdoutIsTTY: false,
    stdinIsTTY: true,
    env: { NO_COLOR: '1', APP1_SECRET: 's', APP1_APPCODE: 'c' },
    cwd: dir,
  });
  return { dir, cmd: { io, allowRemoteRefs: false, setExit: () => {} }, out: () => out };
}

const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8');
const original = (f: string): string => readFileSync(join(DEMO, f), 'utf8');

describe('apig edit on a terminal', () => {
  it('asks every question of add with the current value; Enter keeps it, one new answer changes one line', async () => {
    const { dir, cmd } = session();
    const play = scripted([
      'getUser', // which API (no name given)
      '', // method
      '', // path
      '', // match mode
      '', // description
      '', // authentication
      true, // keep the current request parameters
      false, // add another
      '', // backend type
      '', // address
      '', // scheme
      '', // backend method
      '', // backend path
      '8000', // timeout
      '', // throttling policy
      '', // CORS
    ]);
    await runEdit('api', undefined, {}, cmd, () => '', play.prompter);
    expect(play.asked).toEqual([
      'Which API?',
      'Method',
      'Request path',
      'Match mode',
      'Description (optional)',
      'Authentication',
      'Keep the current request parameters (verbose:QUERY:STRING:false)?',
      'Add a query or header parameter?',
      'Backend type',
      'Backend address (host:port or #variable#)',
      'Backend protocol',
      'Backend method',
      'Backend path',
      'Backend timeout (ms)',
      'Throttling policy',
      'Allow cross-origin requests (CORS)?',
    ]);
    expect(play.left()).toEqual([]);
    const before = original('demo.yaml').split('\n');
    const after = read(dir, 'demo.yaml').split('\n');
    expect(after.filter((l) => !before.includes(l))).toEqual(['          timeout: 8000']);
  });
});

describe('apig remove on a terminal', () => {
  it('asks which and whether; "no" writes nothing, "yes" removes', async () => {
    const { dir, cmd, out } = session();
    const no = scripted(['files', false]);
    await expect(runRemove('api', undefined, {}, cmd, no.prompter)).rejects.toThrow('cancelled; nothing was written');
    expect(no.asked).toEqual(['Which API?', 'Remove API files in group demo?']);
    expect(read(dir, 'demo.yaml')).toBe(original('demo.yaml'));
    await runRemove('api', 'files', {}, cmd, scripted([true]).prompter);
    expect(read(dir, 'demo.yaml')).not.toContain('/files:');
    expect(out()).toContain('removed API files in group demo\n');
  });
});

describe('apig rename, bind and unpublish on a terminal', () => {
  it('rename asks the new name when it is not given', async () => {
    const { dir, cmd } = session();
    const play = scripted(['staging']);
    await runRename('env', 'test', undefined, {}, cmd, play.prompter);
    expect(play.asked).toEqual(['New name']);
    expect(read(dir, 'apig.yaml')).toContain('  staging: ["*"]');
  });

  it('bind asks which policy; unpublish asks before taking APIs out', async () => {
    const { dir, cmd } = session();
    const pick = scripted(['perApp']);
    await runBind('bind', 'throttle', undefined, { api: 'hello' }, cmd, pick.prompter);
    expect(pick.asked).toEqual(['Which throttling policy?']);
    expect(read(dir, 'demo.yaml').match(/x-apigateway-ratelimit: perApp/g)).toHaveLength(2);
    const no = scripted([false]);
    await expect(runPublish('unpublish', 'test', ['hello'], {}, cmd, no.prompter)).rejects.toThrow('cancelled');
    expect(no.asked).toEqual(['Unpublish hello from test?']);
    expect(read(dir, 'apig.yaml')).toBe(original('apig.yaml'));
  });
});
