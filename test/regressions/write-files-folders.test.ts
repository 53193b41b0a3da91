/**
 * Regression (UX review): `-o dir/file` where `dir` is a file failed with a bare "EEXIST ... mkdir", and a
 * path under /proc made Node's recursive mkdir loop for ever at full CPU.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/cli/write-files.js';

describe('writeFilesAtomic and the folders on the way', () => {
  it('creates missing folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-write-'));
    await writeFilesAtomic([{ file: join(dir, 'a', 'b', 'x.yaml'), text: 'x' }]);
    expect(existsSync(join(dir, 'a', 'b', 'x.yaml'))).toBe(true);
  });

  it('a parent that is a file is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-write-'));
    writeFileSync(join(dir, 'f'), '');
    await expect(writeFilesAtomic([{ file: join(dir, 'f', 'x.yaml'), text: 'x' }])).rejects.toThrow(
      `${join(dir, 'f')} is a file, not a folder`,
    );
  });

  it.runIf(existsSync('/proc/self'))('a folder that cannot be created fails instead of spinning', async () => {
    await expect(writeFilesAtomic([{ file: '/proc/apig-nope/x.yaml', text: 'x' }])).rejects.toThrow(/cannot write/);
  });
});
