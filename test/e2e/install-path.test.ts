/**
 * Issue 15: README's set-up puts `apig` on PATH (`npm link`), and it then works from any folder; `apig init`
 * prints next steps that run as printed, whether apig is on PATH or not (before, it printed `apig lint` to a
 * user who had only `npx apig` in the project folder, and the step failed: command not found).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

/** The steps under `next:`, without comments, each run in order by sh from `dir`. */
function runSteps(stdout: string, dir: string, env: NodeJS.ProcessEnv): { step: string; status: number | null }[] {
  const steps = (stdout.split('\nnext:\n')[1] ?? '')
    .split('\n')
    .map((l) => l.trim().replace(/\s+#.*$/, ''))
    .filter((l) => l !== '' && !l.startsWith('#') && !/ serve$|^curl /.test(l));
  const out: { step: string; status: number | null }[] = [];
  let cwd = dir;
  for (const step of steps) {
    if (step.startsWith('cd ')) {
      cwd = join(cwd, step.slice(3));
      continue;
    }
    const r = spawnSync('sh', ['-c', step], { cwd, env, encoding: 'utf8' });
    out.push({ step, status: r.status });
  }
  return out;
}

describe('apig on PATH', () => {
  it('npm link puts it there, and it runs from another folder', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'apig-prefix-'));
    // --ignore-scripts: the suite has built dist/ already (npm link would build it again, as `npm ci` does).
    const link = spawnSync('npm', ['link', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: ROOT,
      env: { ...process.env, npm_config_prefix: prefix },
      encoding: 'utf8',
    });
    expect(link.status, link.stderr).toBe(0);
    const env = { ...process.env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };
    const elsewhere = mkdtempSync(join(tmpdir(), 'apig-elsewhere-'));
    const version = spawnSync('apig', ['--version'], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const init = spawnSync('apig', ['init', 'shop', '--yes'], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('\nnext:\n  cd shop\n  apig lint ');
    expect(runSteps(init.stdout, elsewhere, env)).toEqual([
      { step: 'apig lint', status: 0 },
      { step: 'apig add', status: 2 }, // no terminal: it says what to add (the step is for a terminal)
    ]);
  });

  it('without it, init prints steps that run as printed, and how to put apig on PATH', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-nopath-'));
    const env = { ...process.env, PATH: '/usr/bin:/bin', NO_COLOR: '1' };
    const init = await runCli(['init', 'shop', '--yes'], { cwd: dir, env: { PATH: env.PATH } });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(
      `\n  cd shop\n  # apig is not on your PATH: \`npm link\` in ${ROOT.replace(/\/$/, '')} puts it there\n`,
    );
    const steps = runSteps(init.stdout, dir, {
      ...env,
      PATH: `${process.execPath.replace(/\/node$/, '')}:${env.PATH}`,
    });
    expect(steps[0]).toEqual({ step: `node ${join(ROOT, 'bin/apig.js')} lint`, status: 0 });
  });
});
