/**
 * Regressions from the UX review: `apig import` merged into a workspace whose group file could not be read
 * (writing a second group of the same name into apig.yaml, exit 0); `-w FOLDER` failed with EISDIR or
 * created a file named like the folder; apig.yaml listing one group name twice was not reported.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

const SOURCE = join(ROOT, 'fixtures/examples/otc-four-backends.yaml');
const temp = (): string => mkdtempSync(join(tmpdir(), 'apig-import-'));

describe('apig import and its workspace', () => {
  it('refuses to merge into a workspace with errors, and changes nothing', async () => {
    const dir = temp();
    const ws = 'groups:\n  - name: shop\n    spec: nothere.yaml\n';
    writeFileSync(join(dir, 'apig.yaml'), ws);
    const r = await runCli(['import', SOURCE, '-w', join(dir, 'apig.yaml'), '--group', 'shop']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has errors; fix them first, nothing was changed');
    expect(readFileSync(join(dir, 'apig.yaml'), 'utf8')).toBe(ws);
  });

  it('-w names an existing folder: its apig.yaml is updated', async () => {
    const dir = temp();
    cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
    const r = await runCli(['import', SOURCE, '-w', dir, '--group', 'shop']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'apig.yaml'), 'utf8')).toContain('name: shop');
    expect(existsSync(join(dir, 'shop.yaml'))).toBe(true);
  });

  it('-w names a folder to create: apig.yaml and the group file are written inside it', async () => {
    const dir = temp();
    const r = await runCli(['import', SOURCE, '-w', 'newws', '--group', 'shop'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'newws', 'apig.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'newws', 'shop.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'shop.yaml'))).toBe(false);
  });

  it('a group name listed twice in apig.yaml is an error at its position', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'x'));
    cpSync(join(ROOT, 'fixtures/demo/demo.yaml'), join(dir, 'demo.yaml'));
    writeFileSync(
      join(dir, 'apig.yaml'),
      'groups:\n  - name: shop\n    spec: demo.yaml\n  - name: shop\n    spec: demo.yaml\n',
    );
    const r = await runCli(['lint', dir]);
    // A lint finding (issue 14: every problem of the workspace in one run), not a stop.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /apig\.yaml:4:\d+.*group shop is listed twice \(first as groups\[0\]\).* workspace-references$/m,
    );
  });
});
