/**
 * Issue 15: `apig completion bash|zsh|fish` prints a script; the script calls the hidden `apig __complete`, which
 * prints one candidate a line and a last line telling the shell whether to complete paths itself.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../../e2e/run-cli.js';

const DEMO = join(ROOT, 'fixtures/demo');

describe('apig completion', () => {
  it.each([
    ['bash', 'complete -F _apig_completion apig'],
    ['zsh', 'compdef _apig apig'],
    ['fish', "complete -c apig -f -a '(__apig_complete)'"],
  ])('apig completion %s prints the script on stdout, exit 0', async (shell, registers) => {
    const r = await runCli(['completion', shell]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(registers);
    expect(r.stdout).toContain('apig __complete --');
    if (shell === 'zsh') expect(r.stdout.startsWith('#compdef apig\n')).toBe(true);
  });

  it('an unknown or missing shell: exit 2, naming the choices', async () => {
    const tcsh = await runCli(['completion', 'tcsh']);
    expect([tcsh.code, tcsh.stdout]).toEqual([2, '']);
    expect(tcsh.stderr).toMatch(/^apig: .*'tcsh'.*bash, zsh, fish/);
    expect((await runCli(['completion'])).code).toBe(2);
  });

  it('--help has two or three examples, one per shell; __complete is not listed in apig --help', async () => {
    const help = (await runCli(['completion', '--help'])).stdout;
    const examples = (help.split('\nExamples:\n')[1] ?? '').split('\n').filter((l) => l.startsWith('  apig '));
    expect(examples.map((l) => l.split(/\s+/).slice(1, 4).join(' '))).toEqual([
      'apig completion bash',
      'apig completion zsh',
      'apig completion fish',
    ]);
    const top = (await runCli(['--help'])).stdout;
    expect(top).toMatch(/^ {2}completion /m);
    expect(top).not.toContain('__complete');
  });

  it('apig __complete -- WORDS: candidates (value, tab, description), then the paths line', async () => {
    const add = await runCli(['__complete', '--', 'ad'], { cwd: DEMO });
    expect(add).toEqual({ code: 0, stderr: '', stdout: expect.stringMatching(/^add\tadd an API.*\n:plain\n$/) });
    const apis = await runCli(['__complete', '--', 'add', 'backend-policy', '--api', ''], { cwd: DEMO });
    expect(apis.stdout).toBe('hello\tGET /hello\ngetUser\tGET /users/{userId}\nfiles\tGET /files\n:plain\n');
    expect((await runCli(['__complete', '--', 'import', ''])).stdout).toBe(':files\n');
  });

  it('the words are taken as typed: options, --help, a `--` and --allow-remote-refs among them', async () => {
    const words = async (...w: string[]) => (await runCli(['__complete', '--', ...w], { cwd: DEMO })).stdout;
    expect(await words('lint', '--allow-remote-refs')).toBe(
      '--allow-remote-refs\tlet $refs to http(s) URLs be fetched (refused by default: apig works offline)\n:plain\n',
    );
    expect(await words('--help', 'se')).toMatch(/^serve\t/);
    expect(await words('lint', '--', '-')).toBe(':files\n');
    expect(await words('serve', '--log-format', '')).toBe('pretty\njson\n:plain\n');
  });

  it('silent outside a workspace and on nonsense: no names, no error, exit 0', async () => {
    const outside = await runCli(['__complete', '--', 'sign', '--app', ''], { cwd: '/' });
    expect(outside).toEqual({ code: 0, stderr: '', stdout: ':plain\n' });
    const nonsense = await runCli(['__complete', '--', 'nope', '--what', '-w', '']);
    expect([nonsense.code, nonsense.stderr]).toEqual([0, '']);
    expect((await runCli(['__complete'])).code).toBe(0);
  });
});
