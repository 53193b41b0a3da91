/**
 * README.md stays true: every `npx apig` command in its examples that runs to completion on its own (not
 * the interactive `add`, not `serve`, not `--send`, which need a terminal or a running gateway and have their
 * own end-to-end tests) is run as written, and the output the README prints is the output the CLI prints.
 */
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli } from './run-cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

interface Example {
  line: string;
  args: string[];
  /** For `$ ` console blocks: the lines the README shows after the command. */
  shown: string[];
}

/** Shell words: single and double quotes, no expansion; a ` #` outside quotes starts a comment. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else if (c === '#' && !inWord) {
      break;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const block of README.matchAll(/```(sh|console)\n([\s\S]*?)```/g)) {
    const lines = (block[2] ?? '').split('\n');
    lines.forEach((raw, i) => {
      const line = raw.replace(/^\$ /, '').replace(/^cd \S+ && /, '');
      if (!line.startsWith('npx apig ')) return;
      const shown: string[] = [];
      if (block[1] === 'console')
        for (let j = i + 1; j < lines.length && !(lines[j] ?? '').startsWith('$ ') && lines[j] !== ''; j++)
          shown.push(lines[j] ?? '');
      out.push({ line, args: shellWords(line).slice(2), shown });
    });
  }
  return out;
}

const runnable = (e: Example): boolean => !['serve', 'add'].includes(e.args[0] ?? '') && !e.args.includes('--send');
/** The exit code an example documents in its comment (`# ... exit 1`), else 0. */
const expectedExit = (e: Example): number => Number(/#.*\bexit (\d)\b/.exec(e.line)?.[1] ?? 0);

describe('README examples', () => {
  const all = examples();

  it('finds the examples, one per command at least', () => {
    for (const cmd of ['init', 'add', 'import', 'export', 'lint', 'serve', 'sign'])
      expect(
        all.some((e) => e.args[0] === cmd),
        cmd,
      ).toBe(true);
  });

  it('splits shell words like a shell', () => {
    expect(shellWords(`npx apig sign --send 'http://h/a?b=1' # note`)).toEqual([
      'npx',
      'apig',
      'sign',
      '--send',
      'http://h/a?b=1',
    ]);
    expect(shellWords(`apig add api --backend-address '#backend#'`)).toEqual([
      'apig',
      'add',
      'api',
      '--backend-address',
      '#backend#',
    ]);
  });

  it('every runnable example runs as written, in the README order, and prints what the README shows', async () => {
    // A scratch folder that sees the repository's fixtures: written files (-o, /tmp/...) land in it.
    const dir = mkdtempSync(join(tmpdir(), 'apig-readme-'));
    symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'));
    for (const e of all.filter(runnable)) {
      const args = e.args.map((a) => a.replace(/^\/tmp\//, `${dir}/tmp/`));
      // The real binary, as the README's reader runs it.
      const r = await spawnCli(args, { cwd: dir });
      expect({ line: e.line, code: r.code, stderr: r.code === expectedExit(e) ? '' : r.stderr }).toEqual({
        line: e.line,
        code: expectedExit(e),
        stderr: '',
      });
      for (const shown of e.shown) expect(r.stdout, e.line).toContain(shown);
    }
  });
});
