/**
 * Regression (issue 12, files): a 2,000-deep block map or a 10,000-deep `- - -` sequence overflowed the
 * stack in the YAML parser, and `$ref: "./a%.yaml"` threw URIError in decodeURIComponent: both ended as
 * exit 3 "internal error". They are input errors: exit 2 with file:line:col; lint reports them as findings of the
 * rule `parse` (exit 1), as it reports every file that does not parse (issue 14).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './in-process-cli.js';

const HEAD = 'swagger: "2.0"\ninfo:\n  title: deep_test\n  version: "1"\n';
const TAIL =
  'paths:\n  /a:\n    get:\n      operationId: get_a\n      responses: {"200": {description: ok}}\n      x-apigateway-backend: {type: MOCK, mockEndpoints: {result-content: ok}}\n';

/** `depth` nested block maps under info.x-deep (an anchor, when asked, sends the file to the yaml package). */
function deepMap(depth: number, anchor = false): string {
  let s = `${HEAD}  x-deep:${anchor ? ' &deep' : ''}\n`;
  for (let i = 0; i < depth; i++) s += `${' '.repeat(4 + i)}k${i}:\n`;
  return `${s}${' '.repeat(4 + depth)}leaf\n${TAIL}`;
}

const temp = (): string => mkdtempSync(join(tmpdir(), 'apig-deep-'));
const TOO_DEEP = /invalid (YAML|JSON): the document nests deeper than 200 levels; apig reads at most 200/;

describe('deeply nested documents', () => {
  it.each([
    ['a 2,000-deep block map', 'map.yaml', deepMap(2000)],
    ['a 10,000-deep - - - sequence', 'seq.yaml', `${HEAD}  x-deep: ${'- '.repeat(10000)}x\n${TAIL}`],
    // A duplicate key stops the fast parser, so the yaml package reads this one (after the nesting estimate).
    [
      'a 10,000-deep sequence after a syntax error',
      'dup.yaml',
      `${HEAD}  title: again\n  x-deep: ${'- '.repeat(10000)}x\n${TAIL}`,
    ],
    ['10,000 nested flow sequences', 'flow.yaml', `${HEAD}  x-deep: ${'['.repeat(10000)}${']'.repeat(10000)}\n${TAIL}`],
    ['10,000 nested JSON objects', 'deep.json', `${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}`],
  ])('%s: export and import exit 2, lint 1, with file:line:col', async (_what, name, text) => {
    const dir = temp();
    writeFileSync(join(dir, name), text);
    for (const command of ['lint', 'export', 'import']) {
      const r = await runInProcess([command, name, ...(command === 'import' ? ['-w', 'out'] : [])], dir);
      expect([command, r.code]).toEqual([command, command === 'lint' ? 1 : 2]);
      expect(r.stderr).not.toContain('internal error');
      const output = command === 'lint' ? r.stdout : r.stderr;
      const line = output.split('\n').find((l) => TOO_DEEP.test(l));
      expect(line).toMatch(new RegExp(`^ *${name.replace('.', '\\.')}:\\d+:\\d+ +error .* parse$`));
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('the error names the line where the limit is passed', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'map.yaml'), deepMap(2000));
    const r = await runInProcess(['lint', 'map.yaml'], dir);
    const m = /^ *map\.yaml:(\d+):\d+/m.exec(r.stdout);
    // Levels 1-4 are the root, info and x-deep; the 200th nested key is on line 5 + 200 or so.
    expect(Number(m?.[1])).toBeGreaterThan(190);
    expect(Number(m?.[1])).toBeLessThan(215);
  });

  it('a deep apig.yaml is an input error too', async () => {
    const dir = temp();
    let ws = 'groups: []\ninstance:\n';
    for (let i = 0; i < 2000; i++) ws += `${' '.repeat(2 + i)}k${i}:\n`;
    writeFileSync(join(dir, 'apig.yaml'), ws);
    const r = await runInProcess(['lint'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ *apig\.yaml:\d+:\d+ +error +invalid YAML: the document nests deeper than 200 levels/m);
  });

  it('150 levels are read as before, by either parser', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'ok.yaml'), deepMap(150));
    writeFileSync(join(dir, 'anchored.yaml'), deepMap(150, true));
    for (const name of ['ok.yaml', 'anchored.yaml']) {
      const r = await runInProcess(['export', name], dir);
      expect([name, r.code, r.stderr]).toEqual([name, 0, '']);
      expect(r.stdout).toContain('k149: leaf');
    }
  });
});

describe('a $ref with a malformed percent escape', () => {
  it('is a finding at the $ref (lint) and an input error (export, import), not an internal error', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'spec.yaml'), `${HEAD}  x-note:\n    $ref: "./a%.yaml"\n${TAIL}`);
    const lint = await runInProcess(['lint', 'spec.yaml'], dir);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/spec\.yaml:6:11 +error +\$ref "\.\/a%\.yaml": cannot read .*a%\.yaml: no such file/);
    for (const command of ['export', 'import']) {
      const r = await runInProcess([command, 'spec.yaml', ...(command === 'import' ? ['-w', 'out'] : [])], dir);
      expect([command, r.code]).toEqual([command, 2]);
      expect(r.stderr).toContain('spec.yaml:6:11');
      expect(r.stderr).not.toContain('internal error');
    }
  });

  it('names the file a%.yaml, as written, when it exists', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'a%.yaml'), 'percent\n');
    writeFileSync(join(dir, 'spec.yaml'), `${HEAD}  x-note:\n    $ref: "./a%.yaml"\n${TAIL}`);
    const r = await runInProcess(['export', 'spec.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('x-note: percent');
  });
});
