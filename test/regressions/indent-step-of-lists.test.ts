/**
 * Regression (issue 15): the indentation step of a file was taken from its least indented key only, so in the
 * apig.yaml `apig init` writes (`groups:` / `  - name: shop` / `    spec: shop.yaml`) it was read as 4, and
 * `apig add env` and `apig edit env` wrote `environments:` with 4-space indentation under a file indented by 2.
 * A list's dash counts now: the step is 2 there.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';
import { indentStep } from '../../src/workspace/authoring/text-edit.js';

describe('the indentation of what is added to apig.yaml', () => {
  it('follows a file whose lists are indented', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-indent-'));
    expect((await runCli(['init', 'shop', '--yes'], { cwd: dir })).code).toBe(0);
    const ws = join(dir, 'shop');
    expect((await runCli(['add', 'env', '--name', 'staging', '--yes'], { cwd: ws })).code).toBe(0);
    expect(readFileSync(join(ws, 'apig.yaml'), 'utf8')).toContain('\nenvironments:\n  staging:\n    variables: {}\n');
  });

  it('the step is the smallest indentation of a key or a dash', () => {
    expect(indentStep('groups:\n  - name: a\n    spec: a.yaml\n')).toBe(2);
    expect(indentStep('groups:\n- name: a\n  spec: a.yaml\n')).toBe(2);
    expect(indentStep('a:\n    b: 1\n')).toBe(4);
  });
});
