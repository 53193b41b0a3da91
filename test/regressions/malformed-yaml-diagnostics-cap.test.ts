/**
 * Regression (issue 12, files): malformed YAML cost ~200× its size in memory (5 MB of junk: 1 GB, 21 s):
 * every error the yaml package found was kept with a stack trace and turned into a diagnostic, and its parse
 * tree was built for the whole file. Now at most 1,000 parse errors are listed, with a note saying how many
 * more there are, and a large file that does not parse gets the first error only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SLOW_PARSE_CHARS, parseSource } from '../../src/oas/source.js';
import { MAX_PARSE_ERRORS } from '../../src/oas/yaml-document.js';
import { runInProcess } from './in-process-cli.js';

/** A pattern repeated to about `chars` characters. */
const junk = (pattern: string, chars: number): string => pattern.repeat(Math.ceil(chars / pattern.length));

describe('parse errors are capped', () => {
  it('one error per line of junk: the first 1,000 are listed, then how many more', () => {
    const text = junk(']\n', 120_000); // 60,000 stray brackets, under the size where every error is worded
    expect(text.length).toBeLessThanOrEqual(MAX_SLOW_PARSE_CHARS);
    const { doc, diagnostics } = parseSource('junk.yaml', text);
    expect(doc).toBeUndefined();
    expect(MAX_PARSE_ERRORS).toBe(1000);
    expect(diagnostics).toHaveLength(1001);
    expect(diagnostics[0]).toMatchObject({ code: 'parse', range: { start: { line: 0, character: 0 } } });
    const note = diagnostics[1000];
    expect(note?.message).toBe(
      'invalid YAML: 59000 more error(s) from here on are not listed (apig lists the first 1000)',
    );
    expect(note?.range?.start.line).toBe(1000);
  });

  it('apig lint prints the capped list as parse findings with file:line:col and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-junk-'));
    writeFileSync(join(dir, 'junk.yaml'), junk('a:\n  - b\n c\n', 100_000));
    const r = await runInProcess(['lint', 'junk.yaml'], dir);
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => /^ *junk\.yaml:\d+:\d+ +error +invalid YAML.* parse$/.test(l));
    expect(errors.length).toBeLessThanOrEqual(1001);
    // The parser's note (the 1,001st diagnostic) is past lint's own cap of 1,000 findings a file: lint says so.
    expect(r.stdout).toContain('… and 1 more finding in junk.yaml (apig lists the first 1,000 of a file)');
  });

  it('a large file that does not parse gets its first error, positioned, and costs little memory', () => {
    // The kind of junk that cost ~300× its size: a block map whose every entry is broken.
    const text = junk('a:\n  - b\n c\n', 2_000_000);
    const before = process.memoryUsage().heapUsed;
    const { diagnostics } = parseSource('junk.yaml', text);
    const grown = process.memoryUsage().heapUsed - before;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(
      /^invalid YAML: .+ \(apig reports only the first error of a file over 128 KB\)$/,
    );
    expect(diagnostics[0]?.range?.start.line).toBe(2);
    // Loose on purpose: the point is "a few times the text", not hundreds.
    expect(grown).toBeLessThan(50 * text.length);
  });

  it("a large .json file that does not parse gets JSON.parse's error", () => {
    const text = `[${junk('{"a": 1}, ', 300_000)}{"b": }]`;
    const { diagnostics } = parseSource('big.json', text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(
      /^invalid JSON: Unexpected token .+\(apig reports only the first error of a file over 128 KB\)$/,
    );
    expect(diagnostics[0]?.range?.start.line).toBe(0);
  });

  it('a long offending token is shortened in the message', () => {
    // Random printable junk: the yaml package quotes whole stray tokens, some hundreds of characters long.
    const alphabet = ' abcdefghijklmnopqrstuvwxyz:-[]{}"\'\n#,&*!|>%@`';
    let seed = 1;
    let text = '';
    for (let i = 0; i < 3000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      text += alphabet[Math.floor((seed / 0x7fffffff) * alphabet.length)] ?? ' ';
    }
    const { diagnostics } = parseSource('long.yaml', text);
    expect(diagnostics.some((d) => d.message.includes('Unexpected scalar token'))).toBe(true);
    for (const d of diagnostics) expect(d.message.length).toBeLessThanOrEqual(220);
  });
});
