/**
 * Regression: without a terminal and without --yes, `apig add api --path /orders --name createOrder
 * --backend-type HTTP --backend-address '#backend#'` (the README's flag example) wrote a GET API: every
 * question no flag answered silently took its default, while the README says that without a terminal the
 * missing flags are listed (exit 2). Now every unanswered question is listed and nothing is written;
 * --yes takes the defaults.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

const README_EXAMPLE = [
  'add',
  'api',
  '--path',
  '/orders',
  '--name',
  'createOrder',
  '--backend-type',
  'HTTP',
  '--backend-address',
  '#backend#',
];

describe('apig add without a terminal and without --yes', () => {
  it('lists the questions no flag answers and writes nothing; --yes takes their defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-regression-'));
    expect((await runCli(['init', 'shop', '--template', 'http', '--yes'], { cwd: dir })).code).toBe(0);
    const ws = join(dir, 'shop');
    const before = readFileSync(join(ws, 'shop.yaml'), 'utf8');

    // run-cli's stdin is a pipe, not a terminal.
    const r = await runCli(README_EXAMPLE, { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const listed = [...r.stderr.matchAll(/^ {2}(--\S+)/gm)].map((m) => m[1]);
    expect(listed).toEqual([
      '--method',
      '--match-mode',
      '--description',
      '--auth',
      '--param',
      '--backend-scheme',
      '--backend-method',
      '--backend-path',
      '--backend-timeout',
      '--[no-]cors',
    ]);
    expect(r.stderr.startsWith('apig: missing flags (there is no terminal to ask on):\n')).toBe(true);
    expect(r.stderr.endsWith('\ngive them, or add --yes to take their defaults\n')).toBe(true);
    expect(readFileSync(join(ws, 'shop.yaml'), 'utf8')).toBe(before);

    const yes = await runCli([...README_EXAMPLE, '--yes'], { cwd: ws });
    expect([yes.stderr, yes.code]).toEqual(['', 0]);
    expect(yes.stdout).toContain('added API createOrder (GET /orders, HTTP backend) in group shop\n');
  });
});
