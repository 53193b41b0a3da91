/**
 * Regression (apig issue 12, "Symlinks ... a FIFO hangs", the files named on the command line): `apig sign
 * --data-binary @FILE` (also `-d @FILE` and `--explain @FILE`) and `apig serve --tls-cert/--tls-key` read their
 * files with a plain readFile, so a FIFO made the command wait forever (`timeout 5 apig sign ... @fifo` exited
 * 124) and /dev/zero grew without bound. They are read as every file apig reads: regular files of at most 64 MB,
 * anything else refused at once with exit 2, naming the file and what it is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

function fifo(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'apig-cli-fifo-')), 'pipe');
  execFileSync('mkfifo', [path]);
  return path;
}

describe('files named on the command line', () => {
  it.each(['--data-binary', '-d', '--explain'])('sign %s @FIFO is refused at once, exit 2', async (flag) => {
    const path = fifo();
    const r = await runCli(['sign', '--key', 'k', '--secret', 's', flag, `@${path}`, 'http://127.0.0.1:1/x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`file "${path}" (it is a FIFO (named pipe), not a regular file`);
  });

  it('sign --data-binary @/dev/zero is refused, not read without end', async () => {
    const r = await runCli([
      'sign',
      '--key',
      'k',
      '--secret',
      's',
      '--data-binary',
      '@/dev/zero',
      'http://127.0.0.1:1/x',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is a character device, not a regular file');
  });

  it('serve --tls-cert FIFO is refused at once, exit 2', async () => {
    const path = fifo();
    const r = await runCli(['serve', 'fixtures/demo', '--port', '0', '--tls-cert', path, '--tls-key', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot read ${path}: it is a FIFO (named pipe), not a regular file`);
  });
});
