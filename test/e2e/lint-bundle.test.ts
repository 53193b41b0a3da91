/**
 * The built CLI runs `apig lint` from one bundled module (scripts/bundle-commands.mjs): the same answers as the
 * sources give in-process, and the modules the start-up path loads (core's ApigError among them) stay shared, so
 * that an error raised inside the bundle is still a clean exit 2, not an internal error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, spawnCli } from './run-cli.js';

const BUNDLE = join(ROOT, 'dist/cli/commands/lint-run.js');

describe('the bundled lint command', () => {
  it('is one module that imports the shared start-up modules, not the rules one by one', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    const imports = [...text.matchAll(/^import .* from "(\.[^"]+)";$/gm)].map((m) => m[1]);
    expect(imports).toContain('../../core/errors.js');
    expect(imports.filter((i) => /\/(lint|oas|workspace)\//.test(i ?? ''))).toEqual([]);
  });

  it('answers as the sources do, in every format', async () => {
    for (const format of ['json', 'sarif', 'stylish']) {
      const argv = ['lint', 'fixtures/lint/mixed', 'fixtures/lint/invalid/one-run.yaml', '-f', format];
      const [built, source] = await Promise.all([spawnCli(argv), runCli(argv)]);
      expect({ format, code: built.code, stdout: built.stdout }).toEqual({
        format,
        code: source.code,
        stdout: source.stdout,
      });
    }
  });

  it('an error raised inside the bundle is a clean exit 2', async () => {
    const r = await spawnCli(['lint', 'fixtures/lint/mixed', '--baseline', 'no-such-baseline.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read no-such-baseline.yaml');
    expect(r.stderr).not.toContain('internal error');
  });
});
