/**
 * Regression (issue 12, files): a `$ref` to a file inside the workspace that is a symbolic link to a file
 * outside it (/etc/passwd) was read, printed by `export` and written into the group file by `import`; a
 * link to /dev/zero grew without bound and a FIFO hung, as a `$ref` and as the file apig was given. Now
 * real paths are checked against the workspace folder, only regular files are read, and at most 64 MB.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintSettings } from '../../src/cli/authoring/lint-settings.js';
import { CONFIG_FILE } from '../../src/lint/config.js';
import { MAX_FILE_BYTES } from '../../src/oas/read.js';
import { runInProcess } from './in-process-cli.js';

const SECRET = 'TOPSECRET-line-from-outside';
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

const fifos: string[] = [];
/** A FIFO that a broken reader would wait on forever: afterEach opens its write end to release such a reader. */
function mkfifo(path: string): string {
  execFileSync('mkfifo', [path]);
  fifos.push(path);
  return path;
}
afterEach(() => {
  for (const f of fifos.splice(0)) {
    try {
      closeSync(openSync(f, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader waiting: nothing to release.
    }
  }
});

function workspace(): { base: string; ws: string } {
  const base = mkdtempSync(join(tmpdir(), 'apig-files-'));
  const ws = join(base, 'ws');
  mkdirSync(ws);
  writeFileSync(join(base, 'secret.yaml'), `${SECRET}\n`);
  return { base, ws };
}

describe('a $ref that is a symbolic link out of the workspace folder', () => {
  it('is refused by lint at the $ref, and neither printed by export nor written by import', async () => {
    const { base, ws } = workspace();
    symlinkSync(join(base, 'secret.yaml'), join(ws, 'pw.yaml'));
    writeFileSync(join(ws, 'spec.yaml'), spec('./pw.yaml'));

    const lint = await runInProcess(['lint', 'spec.yaml'], ws);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(
      /spec\.yaml:6:11 +error +\$ref "\.\/pw\.yaml": .*pw\.yaml resolves to .*secret\.yaml through a symbolic link, outside the workspace folder/,
    );

    const exported = await runInProcess(['export', 'spec.yaml'], ws);
    expect(exported.code).toBe(2);
    expect(exported.stdout + exported.stderr).not.toContain(SECRET);
    expect(exported.stderr).toContain('spec.yaml:6:11');

    const target = join(base, 'into');
    const imported = await runInProcess(['import', join(ws, 'spec.yaml'), '-w', target], base);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('outside the workspace folder');
    expect(existsSync(target)).toBe(false);
  });

  it('also through a linked folder, and through the $ref of another file', async () => {
    const { base, ws } = workspace();
    symlinkSync(base, join(ws, 'up'));
    writeFileSync(join(ws, 'spec.yaml'), spec('./up/secret.yaml'));
    const folder = await runInProcess(['export', 'spec.yaml'], ws);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(
      /spec\.yaml:6:11 +error +\$ref "\.\/up\/secret\.yaml": .*resolves to .*secret\.yaml through a symbolic link/,
    );
    symlinkSync(join(base, 'secret.yaml'), join(ws, 'pw.yaml'));
    writeFileSync(join(ws, 'middle.yaml'), 'x:\n  $ref: "./pw.yaml"\n');
    writeFileSync(join(ws, 'spec.yaml'), spec('./middle.yaml#/x'));
    const nested = await runInProcess(['export', 'spec.yaml'], ws);
    expect(nested.code).toBe(2);
    expect(nested.stdout + nested.stderr).not.toContain(SECRET);
    expect(nested.stderr).toMatch(
      /pw\.yaml resolves to .*secret\.yaml through a symbolic link, outside the workspace folder/,
    );
  });

  it('a link that stays inside the folder is read as before', async () => {
    const { ws } = workspace();
    writeFileSync(join(ws, 'note.yaml'), 'inside\n');
    symlinkSync(join(ws, 'note.yaml'), join(ws, 'link.yaml'));
    writeFileSync(join(ws, 'spec.yaml'), spec('./link.yaml'));
    const exported = await runInProcess(['export', 'spec.yaml'], ws);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('x-note: inside');
  });
});

describe('only regular files are read', () => {
  it('a FIFO named by a $ref is refused at the $ref instead of waiting for a writer', async () => {
    const { base, ws } = workspace();
    mkfifo(join(ws, 'pipe.yaml'));
    writeFileSync(join(ws, 'spec.yaml'), spec('./pipe.yaml'));
    const lint = await runInProcess(['lint', 'spec.yaml'], ws);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(
      /spec\.yaml:6:11 +error +\$ref "\.\/pipe\.yaml": cannot read .*pipe\.yaml: it is a FIFO \(named pipe\), not a regular file/,
    );
    const imported = await runInProcess(['import', join(ws, 'spec.yaml'), '-w', join(base, 'into')], base);
    expect(imported.code).toBe(2);
    expect(existsSync(join(base, 'into'))).toBe(false);
  });

  it.each([['lint'], ['export'], ['import']])('a FIFO given to %s is refused with exit 2', async (command) => {
    const { ws } = workspace();
    mkfifo(join(ws, 'pipe.yaml'));
    const r = await runInProcess([command, 'pipe.yaml'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'cannot read pipe.yaml: it is a FIFO (named pipe), not a regular file; apig reads only regular files',
    );
    expect(readdirSync(ws)).toEqual(['pipe.yaml']);
  });

  it('/dev/zero given as the workspace is refused', async () => {
    const { ws } = workspace();
    const r = await runInProcess(['lint', '/dev/zero'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read /dev/zero: it is a character device, not a regular file');
  });

  it('a group file in apig.yaml that links to /dev/zero is an error at its line in apig.yaml', async () => {
    const { ws } = workspace();
    symlinkSync('/dev/zero', join(ws, 'zero.yaml'));
    writeFileSync(join(ws, 'apig.yaml'), 'groups:\n  - name: files_test\n    spec: zero.yaml\n');
    const r = await runInProcess(['lint'], ws);
    // A finding of lint (workspace-references), like any other place apig.yaml names something that is not there.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /apig\.yaml:3:11 +error +cannot read zero\.yaml: it is a character device, not a regular file.* workspace-references$/m,
    );
  });

  it('a lint configuration that is a FIFO is refused, by lint and by the authoring commands', async () => {
    const { ws } = workspace();
    writeFileSync(join(ws, 'spec.yaml'), spec('#/info/title'));
    mkfifo(join(ws, 'rules.yaml'));
    const r = await runInProcess(['lint', '-c', 'rules.yaml', 'spec.yaml'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read rules.yaml: it is a FIFO (named pipe), not a regular file');
    mkfifo(join(ws, CONFIG_FILE));
    await expect(lintSettings(ws)).rejects.toThrow(/it is a FIFO \(named pipe\), not a regular file/);
  });
});

describe('the size cap', () => {
  it('a file over 64 MB is refused, given directly or through a $ref', async () => {
    const { ws } = workspace();
    const cap = 64 * 1024 * 1024;
    // Sparse: no disk space is used.
    writeFileSync(join(ws, 'big.yaml'), '');
    truncateSync(join(ws, 'big.yaml'), cap + 1);
    const direct = await runInProcess(['lint', 'big.yaml'], ws);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain(
      'cannot read big.yaml: it is larger than 64 MB (67108864 bytes), the most apig reads from one file',
    );
    writeFileSync(join(ws, 'spec.yaml'), spec('./big.yaml'));
    const viaRef = await runInProcess(['lint', 'spec.yaml'], ws);
    expect(viaRef.code).toBe(1);
    expect(viaRef.stdout).toMatch(
      /spec\.yaml:6:11 +error +\$ref "\.\/big\.yaml": cannot read .*big\.yaml: it is larger than 64 MB/,
    );
    expect(MAX_FILE_BYTES).toBe(cap);
  });
});
