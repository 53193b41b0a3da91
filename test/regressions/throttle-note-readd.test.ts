/**
 * Regression: `apig add throttle --name thr_one --yes` ended with "note: ... or add it again with --apis",
 * and doing that failed (`--name: group shop already has a throttling policy named thr_one`, exit 2). The
 * note now suggests what works: `apig bind` to an existing API, or a new API bound with --throttle / --acl.
 * Both commands the note suggests are run here as written.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

describe('the note after adding a policy no API uses', () => {
  it.each([
    ['throttle', ['--name', 'thr_one'], 'x-apigateway-ratelimit'],
    ['acl', ['--name', 'acl_one', '--values', '10.0.0.0/8'], 'x-apigateway-access-control'],
  ] as const)('%s: suggests a command that works', async (kind, flags, extension) => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-regression-'));
    expect((await runCli(['init', '--template', 'mock', '--group', 'shop', '--yes'], { cwd: dir })).code).toBe(0);
    const added = await runCli(['add', kind, ...flags, '--yes'], { cwd: dir });
    expect(added.code).toBe(0);
    const note =
      /note: no API uses (\w+) yet: (apig bind \w+ \w+) --api NAME, or add an API with (apig add api --\w+ \w+)\n/.exec(
        added.stdout,
      );
    expect(note?.[1]).toBe(flags[1]);
    expect(added.stdout).not.toContain('again');
    const bind = await runCli([...(note?.[2] ?? '').split(' ').slice(1), '--api', 'hello'], { cwd: dir });
    expect([bind.stderr, bind.code]).toEqual(['', 0]);
    expect(readFileSync(join(dir, 'shop.yaml'), 'utf8')).toContain(`${extension}: ${flags[1]}`);
    const suggested = (note?.[3] ?? '').split(' ').slice(1);
    const bound = await runCli([...suggested, '--path', '/bound', '--yes'], { cwd: dir });
    expect([bound.stderr, bound.code]).toEqual(['', 0]);
    expect(bound.stdout).toContain('added API getBound (GET /bound, MOCK backend) in group shop');
  });
});
