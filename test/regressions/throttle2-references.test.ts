/**
 * Regression (issue 15): apig.yaml writes throttle 2.0 policies as a map by name (`throttles: { t2: { bind:
 * {RELEASE: [t2]}, special: [...] } }`), but the references were looked for in a list, so none was found:
 * `apig remove api t2` was refused only by lint ('no API is named "t2"'), with no reference named and no way for
 * --force to help, `apig rename api t2` was refused the same way, and an app named in a throttle 2.0 special was
 * removed without a word. Now the bind lists and specials of throttle 2.0 policies are references like the others.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../e2e/run-cli.js';

function auth(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-throttle2-refs-'));
  cpSync(join(ROOT, 'fixtures/serve/auth'), dir, { recursive: true });
  return dir;
}

type Ws = { throttles: Record<string, { bind: Record<string, string[]>; special?: unknown[] }> };
const ws = (dir: string): Ws => parse(readFileSync(join(dir, 'apig.yaml'), 'utf8')) as Ws;

describe('throttle 2.0 policies refer to APIs, environments and apps', () => {
  it('remove api names the bind list, and --force drops the API from it', async () => {
    const dir = auth();
    const refused = await runCli(['remove', 'api', 't2', '--yes'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('  throttle 2.0 policy t2: bind.RELEASE (apig.yaml)\n');
    const r = await runCli(['remove', 'api', 't2', '--force', '--yes'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(ws(dir).throttles.t2?.bind).toEqual({ RELEASE: [] });
  });

  it('rename api and rename env follow it', async () => {
    const dir = auth();
    expect((await runCli(['rename', 'api', 't2', 'limited'], { cwd: dir })).code).toBe(0);
    expect(ws(dir).throttles.t2?.bind).toEqual({ RELEASE: ['limited'] });
    const text = readFileSync(join(dir, 'apig.yaml'), 'utf8');
    writeFileSync(join(dir, 'apig.yaml'), text.replace('bind: { RELEASE: [limited] }', 'bind: { TEST: [limited] }'));
    const r = await runCli(['rename', 'env', 'TEST', 'STAGING'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(ws(dir).throttles.t2?.bind).toEqual({ STAGING: ['limited'] });
  });

  it('an app named in a special is a reference', async () => {
    const dir = auth();
    const text = readFileSync(join(dir, 'apig.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'apig.yaml'),
      text.replace(
        '    bind: { RELEASE: [t2] }',
        '    special: [{ type: APP, instance: app2-id, limit: 5 }]\n    bind: { RELEASE: [t2] }',
      ),
    );
    const r = await runCli(['remove', 'app', 'app2', '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  special apps of throttle 2.0 policy t2 (apig.yaml)\n');
  });
});
