/** Command-line globs (src/cli/glob.ts): what each pattern form matches, and what it does not. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlob, isGlob, segmentRegExp } from '../../../src/cli/glob.js';

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-glob-'));
  for (const f of [
    'a.yaml',
    'b.yml',
    'c.json',
    'notes.txt',
    'sub/d.yaml',
    'sub/deeper/e.yaml',
    '.hidden/f.yaml',
    'node_modules/pkg/g.yaml',
    'x[1].yaml',
  ]) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), '');
  }
  return dir;
}

describe('segment patterns', () => {
  it.each([
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'a.yml', false],
    ['?.yaml', 'a.yaml', true],
    ['?.yaml', 'ab.yaml', false],
    ['[ab].yaml', 'b.yaml', true],
    ['[!ab].yaml', 'b.yaml', false],
    ['*.{yaml,yml}', 'b.yml', true],
    ['*.{yaml,yml}', 'c.json', false],
    ['a+b.yaml', 'a+b.yaml', true],
    ['a.yaml', 'aXyaml', false],
  ])('%s against %s: %s', (pattern, name, expected) => {
    expect(segmentRegExp(pattern).test(name)).toBe(expected);
  });

  it('tells patterns from plain paths', () => {
    expect(isGlob('specs/*.yaml')).toBe(true);
    expect(isGlob('specs/a.yaml')).toBe(false);
  });
});

describe('expandGlob', () => {
  it('one folder, sorted, files only', async () => {
    const dir = tree();
    expect(await expandGlob('*.{yaml,yml}', dir)).toEqual(['a.yaml', 'b.yml', 'x[1].yaml']);
    expect(await expandGlob('*', dir)).toEqual(['a.yaml', 'b.yml', 'c.json', 'notes.txt', 'x[1].yaml']);
  });

  it('** crosses folders, but not hidden ones or node_modules unless named', async () => {
    const dir = tree();
    expect(await expandGlob('**/*.yaml', dir)).toEqual(['a.yaml', 'sub/d.yaml', 'sub/deeper/e.yaml', 'x[1].yaml']);
    expect(await expandGlob('.hidden/*.yaml', dir)).toEqual(['.hidden/f.yaml']);
    expect(await expandGlob('node_modules/*/*.yaml', dir)).toEqual(['node_modules/pkg/g.yaml']);
  });

  it('a pattern with a fixed folder first, and an absolute one', async () => {
    const dir = tree();
    expect(await expandGlob('sub/*/*.yaml', dir)).toEqual(['sub/deeper/e.yaml']);
    expect(await expandGlob(`${dir}/sub/*.yaml`, '/')).toEqual([join(dir, 'sub/d.yaml')]);
  });

  it('a link to a file matches; a link to a folder (a loop, here) is not walked into', async () => {
    const { symlinkSync } = await import('node:fs');
    const dir = tree();
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'sub', 'linked.yaml'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    expect(await expandGlob('sub/**/*.yaml', dir)).toEqual(['sub/d.yaml', 'sub/deeper/e.yaml', 'sub/linked.yaml']);
  });

  it('nothing matched, or a folder that does not exist: an empty list', async () => {
    const dir = tree();
    expect(await expandGlob('*.xml', dir)).toEqual([]);
    expect(await expandGlob('missing/*.yaml', dir)).toEqual([]);
  });
});
