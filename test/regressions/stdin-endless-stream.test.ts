/**
 * Regression (the attack on issue 14's `apig lint -`): standard input was read to its end before its size was
 * checked, so an endless stream (`yes | apig lint -`) filled the memory and never ended. Reading now stops past
 * 64 MB, as for files, and the run ends with exit 2; `sign --data-binary @-` reads through the same cap.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../e2e/run-cli.js';

/** Runs the built CLI with a writer that never stops feeding its standard input; resolves with the exit. */
function endless(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const chunk = Buffer.alloc(1024 * 1024, 'a: b\n');
  let open = true;
  child.stdin.on('error', () => {
    open = false;
  });
  const feed = (): void => {
    while (open && child.stdin.write(chunk));
    if (open) child.stdin.once('drain', feed);
  };
  feed();
  return new Promise((resolve) =>
    child.on('close', (code) => {
      open = false;
      resolve({ code, stderr });
    }),
  );
}

describe('an endless standard input', () => {
  it('apig lint - stops past 64 MB with exit 2', async () => {
    const r = await endless(['lint', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input is larger than 64 MB; apig refuses it');
  });

  it('apig sign --data-binary @- too', async () => {
    const r = await endless(['sign', '--key', 'k', '--secret', 's', '--data-binary', '@-', 'http://127.0.0.1:1/x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('from standard input is larger than 64 MB');
  });
});
