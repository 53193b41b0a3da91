/**
 * Regression (issue 12 follow-up, "Symlinks"): the `$ref` check resolved real paths with `realpath` and, when
 * that failed, read the path as written, following its links without any check. A link whose target does not
 * resolve but still opens does exactly that: `/proc/self/fd/N` for a file the process holds open after it was
 * deleted (realpath gives `/tmp/x (deleted)`, which does not exist; open follows the link to the file). A
 * `$ref` to such a link inside the workspace read a file outside it, and `export` printed it.
 * Right: a path whose real path cannot be resolved is not read; the `$ref` fails like any unreadable file.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const SECRET = 'TOPSECRET-held-open-and-deleted';

const spec = (ref: string): string => `swagger: "2.0"
info:
  title: files_test
  version: "1"
  x-note:
    $ref: "${ref}"
paths:
  /a:
    get:
      operationId: get_a
      responses: {"200": {description: ok}}
      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}
`;

describe.runIf(existsSync('/proc/self/fd'))('a $ref to a link that does not resolve', () => {
  it('is refused at the $ref, and what the link opens is never printed', async () => {
    const base = mkdtempSync(join(tmpdir(), 'apig-fd-link-'));
    const ws = join(base, 'ws');
    mkdirSync(ws);
    const outside = join(base, 'secret.yaml');
    writeFileSync(outside, `${SECRET}\n`);
    // This process (the in-process CLI runs in it) holds the file open, then it is deleted.
    const fd = openSync(outside, 'r');
    try {
      unlinkSync(outside);
      symlinkSync(`/proc/self/fd/${fd}`, join(ws, 'held.yaml'));
      writeFileSync(join(ws, 'spec.yaml'), spec('./held.yaml'));
      const exported = await runInProcess(['export', 'spec.yaml'], ws);
      expect(exported.stdout + exported.stderr).not.toContain(SECRET);
      expect(exported.code).toBe(2);
      expect(exported.stderr).toMatch(
        /spec\.yaml:6:11 +error +\$ref "\.\/held\.yaml": cannot read .*held\.yaml: no such file/,
      );
    } finally {
      closeSync(fd);
    }
  });
});
