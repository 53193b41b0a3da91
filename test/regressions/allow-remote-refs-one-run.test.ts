/**
 * Regression (issue 13, in-process CLI runs): `run(argv, io)` honoured `--allow-remote-refs` by writing
 * APIG_ALLOW_REMOTE_REFS=1 into the caller's `io.env`, so the switch outlived the run: the next run with
 * the same Io fetched $refs to URLs without being asked. Now the switch holds for its own run only, and
 * the caller's environment is left as it was given.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

describe('--allow-remote-refs holds for one run', () => {
  it('a later run with the same Io refuses the URL again, and the environment is untouched', async () => {
    const server = createServer((_req, res) => res.end('q:\n  name: q\n  in: query\n  type: string\n'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const ref = `http://127.0.0.1:${(server.address() as AddressInfo).port}/params.yaml#/q`;
      const dir = mkdtempSync(join(tmpdir(), 'apig-remote-refs-'));
      writeFileSync(
        join(dir, 'api.yaml'),
        `swagger: "2.0"\ninfo: {title: refs, version: "1"}\npaths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - $ref: "${ref}"\n      responses: {200: {description: ok}}\n      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}\n`,
      );
      const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
      let out = '';
      const io = makeIo([], {
        out: (t) => {
          out += t;
        },
        err: (t) => {
          out += t;
        },
        readStdin: () => Promise.resolve(Buffer.alloc(0)),
        stdoutIsTTY: false,
        stdinIsTTY: false,
        env,
        cwd: dir,
      });
      expect(await run(['lint', 'api.yaml', '--allow-remote-refs'], io)).toBe(0);
      expect(env).toEqual({ NO_COLOR: '1' });
      out = '';
      expect(await run(['lint', 'api.yaml'], io)).toBe(1);
      expect(out).toContain(
        `$ref "${ref}" points to a URL; apig works offline and does not fetch it (--allow-remote-refs fetches it)`,
      );
    } finally {
      server.close();
    }
  });
});
