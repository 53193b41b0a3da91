/**
 * How `apig serve` stops (docs/serve.md, "Stopping"): the gateway started by `npx apig serve` stops when npx
 * does, however npx ends (npm passes a SIGTERM only to the shell it runs the command in, and a killed npm passes
 * nothing); SIGHUP drains and stops as SIGTERM does; and a gateway started in the background by a shell that then
 * exits, not under npm, serves on.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, HAS_NPX, HAS_PROC, listening, npxServe, parentOf, running, type NpxServe } from './npx-kit.js';
import { BIN, ROOT } from './run-cli.js';
import { spawnServe, until } from './serve-helpers.js';

let started: NpxServe | undefined;
afterEach(() => {
  started?.cleanup();
  started = undefined;
});

describe.skipIf(!HAS_PROC || !HAS_NPX)('npx apig serve', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)('stops when npx gets %s, and the port closes', async (signal) => {
    started = await npxServe();
    const { npx, gateway, port } = started;
    expect(await listening(port)).toBe(true);
    npx.kill(signal);
    await eventually(() => !running(gateway), `the gateway (${gateway}) exits after npx got ${signal}`);
    expect(await listening(port)).toBe(false);
    expect(started.stderr()).toMatch(/started apig \(\d+\) ended: finishing requests in flight, then stopping/);
  });
});

describe('signals', () => {
  it('SIGHUP finishes what is in flight and exits 0, as SIGTERM does', async () => {
    const s = await spawnServe(['fixtures/demo', '--port', '0']);
    s.child.kill('SIGHUP');
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toContain('SIGHUP: finishing requests in flight, then stopping');
  });
});

describe.skipIf(!HAS_PROC)('not under npm', () => {
  it('a gateway backgrounded by a shell that exits serves on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-bg-'));
    const log = join(dir, 'serve.log');
    const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('npm_') && v !== undefined) env[k] = v;
    const script = `"${process.execPath}" "${BIN}" serve fixtures/demo --port 0 > "${log}" 2>&1 & echo $!`;
    const shell = spawn('sh', ['-c', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    shell.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
    });
    const shellPid = shell.pid;
    await new Promise((r) => shell.once('close', r));
    const gateway = Number(out.trim());
    try {
      const text = await until(
        () => readFileSync(log, 'utf8'),
        (t) => /listening on \S+:\d+/.test(t),
        'listening',
      );
      const port = Number(/listening on http:\/\/[^:\s]+:(\d+)/.exec(text)?.[1]);
      await eventually(() => parentOf(gateway) !== shellPid, 'the gateway is re-parented');
      // Several of its parent checks would have run by now had it been under npm. A slow machine can only make this
      // pass without testing much; it cannot make it fail.
      await new Promise((r) => setTimeout(r, 1500));
      expect(running(gateway)).toBe(true);
      expect(await listening(port)).toBe(true);
    } finally {
      if (running(gateway)) process.kill(gateway, 'SIGTERM');
      await eventually(() => !running(gateway), 'the background gateway stops');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
