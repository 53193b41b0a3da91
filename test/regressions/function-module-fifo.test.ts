/**
 * Regression (apig issue 12, "Symlinks ... a FIFO hangs", the modules apig serve loads): a function or custom
 * authorizer module path (apig.yaml `functions`, `authorizers`) that is a FIFO was handed to import(), which
 * waited for a writer forever, holding the request and a thread of Node's pool. Only a regular file is imported;
 * anything else fails the call at once, naming the path and what it is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FunctionModules } from '../../src/gateway/backends/function-modules.js';

describe('a function module path that is not a regular file', () => {
  it('a FIFO is refused at once, not waited on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-fifo-module-'));
    const fifo = join(dir, 'handler.mjs');
    execFileSync('mkfifo', [fifo]);
    await expect(new FunctionModules(0).load(fifo)).rejects.toThrow(
      /handler\.mjs: it is a FIFO \(named pipe\), not a regular file/,
    );
  });

  it('a folder is refused, and a regular module still loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-folder-module-'));
    await expect(new FunctionModules(0).load(dir)).rejects.toThrow(/it is a folder, not a file/);
    const file = join(dir, 'ok.mjs');
    writeFileSync(file, 'export function handler() { return { statusCode: 200, body: "ok" }; }\n');
    expect(typeof (await new FunctionModules(0).load(file))).toBe('function');
  });
});
