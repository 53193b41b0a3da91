/**
 * Regressions from the UX review of apig lint: `-w` meant --watch (a CI job using `-w DIR` as in the other
 * commands hung for ever); --max-warnings failed the run without saying why; .apiglint.yaml errors gave no
 * reason and no suggestion.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'apig-lintflags-'));

describe('apig lint flags', () => {
  it('-w names a workspace, as in the other commands, and the run ends', async () => {
    const r = await runCli(['lint', '-w', 'fixtures/demo', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ summary: { errors: 0 } });
  });

  it('--max-warnings says why the run failed, also under --quiet', async () => {
    const r = await runCli(['lint', 'fixtures/examples/otc-four-backends.yaml', '--max-warnings', '0', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /apig lint: \d+ warning\(s\), more than the 0 allowed \(--max-warnings\); --quiet hides them/,
    );
  });

  it('an unknown rule in .apiglint.yaml or --rule gets a suggestion', async () => {
    const dir = temp();
    writeFileSync(join(dir, '.apiglint.yaml'), 'rules:\n  cors-prefligt: off\n');
    const r = await runCli(['lint', join(process.cwd(), 'fixtures/demo')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('unknown rule "cors-prefligt" (did you mean cors-preflight?)');
    expect(r.stdout + r.stderr).toMatch(/^\.apiglint\.yaml:2:/m);
    const flag = await runCli(['lint', 'fixtures/demo', '--rule', 'cors-prefligt=off']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('(did you mean cors-preflight?)');
  });

  it('a configuration that cannot be read says why', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'folder'));
    const missing = await runCli(['lint', 'fixtures/demo', '--config', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: no such file');
    const folder = await runCli(['lint', 'fixtures/demo', '--profile', join(dir, 'folder')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('it is a folder, not a file');
  });
});
