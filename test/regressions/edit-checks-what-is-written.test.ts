/**
 * Regression (issue 15): `apig edit` checked each answer against the thing built from the answers alone, which
 * lacks what the questions do not ask (backend parameters, responses, extensions), so an unchanged value was
 * refused: `edit api mappingExample --backend-timeout 9000 --yes` failed with 'the default "/v1.0/{test05}" is
 * refused: backend path parameter {test05} is not mapped', although the file maps it. Now the candidate an
 * answer is checked against is the thing as edit writes it: the current one with the answers' change applied.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-cli.js';

function copy(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-edit-candidate-'));
  cpSync(join(ROOT, fixture), dir, { recursive: true });
  return dir;
}

describe('apig edit checks the thing as it would be written', () => {
  it('a backend path whose parameters the file maps stays accepted', async () => {
    const dir = copy('fixtures/serve/backends');
    const r = await runCli(['edit', 'api', 'mappingExample', '--backend-timeout', '9000', '--yes'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const before = readFileSync(join(ROOT, 'fixtures/serve/backends/backends.yaml'), 'utf8').split('\n');
    const after = readFileSync(join(dir, 'backends.yaml'), 'utf8').split('\n');
    expect(after.filter((l) => !before.includes(l))).toHaveLength(1);
    expect(after.filter((l) => !before.includes(l))[0]).toContain('9000');
  });

  it('a change the current thing cannot take is still refused, with the rule', async () => {
    const dir = copy('fixtures/demo');
    const r = await runCli(['edit', 'api', 'getUser', '--backend-timeout', '600000', '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\(backend-timeout\)/);
  });
});
