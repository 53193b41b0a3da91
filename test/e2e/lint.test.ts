/**
 * apig lint end to end: the CLI (in-process `run`) over fixture folders, every format against expected files;
 * --watch runs the real binary, which Ctrl-C stops.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { watchLint } from './watch-child.js';

const EXPECTED = join(ROOT, 'test/e2e/expected');
const MIXED = join(ROOT, 'fixtures/lint/mixed');
/** Set UPDATE_EXPECTED=1 to rewrite the expected files after a deliberate change. */
const update = process.env.UPDATE_EXPECTED === '1';

/** The rule pages' links name where this checkout is; the expected files say <apig>/ instead. */
const HERE = pathToFileURL(ROOT).href.replace(/\/?$/, '/');

function expectFile(name: string, written: string): void {
  const actual = written.split(HERE).join('<apig>/');
  const file = join(EXPECTED, name);
  if (update || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const FORMATS = [
  ['stylish', 'mixed.stylish.txt'],
  ['json', 'mixed.json'],
  ['sarif', 'mixed.sarif'],
  ['junit', 'mixed.junit.xml'],
  ['github', 'mixed.github.txt'],
] as const;

describe('apig lint', () => {
  it.each(FORMATS)('%s output matches the expected file', async (format, expected) => {
    const r = await runCli(['lint', '-f', format], { cwd: MIXED });
    expect(r.code).toBe(1);
    expectFile(expected, r.stdout);
  });

  it('the SARIF output validates against the SARIF 2.1.0 schema', async () => {
    const r = await runCli(['lint', '-f', 'sarif'], { cwd: MIXED });
    const schema = JSON.parse(readFileSync(join(ROOT, 'test/e2e/sarif-schema-2.1.0.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    // The OASIS schema is draft-04; its keywords here are draft-07 compatible once `id` is `$id`.
    const { $schema: _s, id, ...rest } = schema;
    const ajv = new Ajv({ allErrors: true, strict: false });
    // ajv-formats is CommonJS: its function is the module's `default` export under NodeNext.
    (addFormatsModule as unknown as { default: (a: Ajv) => Ajv }).default(ajv);
    const validate = ajv.compile({ ...rest, $id: String(id) });
    const doc = JSON.parse(r.stdout) as { runs: Array<{ results: unknown[]; tool: { driver: { rules: unknown[] } } }> };
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(doc.runs[0]?.results.length).toBe(6);
    expect(doc.runs[0]?.tool.driver.rules.length).toBeGreaterThan(30);
  });

  it('several formats in one run, each to its own file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-lint-'));
    const r = await runCli(
      ['lint', '-f', 'json', '-o', join(dir, 'r.json'), '-f', 'sarif', '-o', join(dir, 'r.sarif'), '-f', 'stylish'],
      { cwd: MIXED },
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).summary.errors).toBe(3);
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(r.stdout).toContain('5 problems');
  });

  it('exit codes: 0 clean, 1 at or above the fail severity, --max-warnings, --rule', async () => {
    expect((await runCli(['lint', 'fixtures/demo'], { env: { APP1_SECRET: 'x', APP1_APPCODE: 'y' } })).code).toBe(0);
    // The documented examples lint with no errors (issue 4).
    expect(
      (await runCli(['lint', 'fixtures/examples/otc-four-backends.yaml', 'fixtures/examples/full-featured.yaml'])).code,
    ).toBe(0);
    expect((await runCli(['lint', 'fixtures/examples/otc-four-backends.yaml', '--fail-severity', 'warn'])).code).toBe(
      1,
    );
    expect((await runCli(['lint', 'fixtures/examples/otc-four-backends.yaml', '--max-warnings', '0'])).code).toBe(1);
    expect((await runCli(['lint', 'fixtures/examples/otc-four-backends.yaml', '--max-warnings', '10'])).code).toBe(0);
    const off = await runCli(
      ['lint', '--rule', 'reserved-name=off', '--rule', 'workspace-references=warn', '--rule', 'backend-variables=off'],
      { cwd: MIXED },
    );
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('0 errors');
    const quiet = await runCli(['lint', '--quiet'], { cwd: MIXED });
    expect(quiet.stdout).not.toContain('warn ');
  });

  it('usage and config errors exit 2, never 0', async () => {
    expect((await runCli(['lint', '--bogus'])).code).toBe(2);
    expect((await runCli(['lint', '-f', 'xml'], { cwd: MIXED })).code).toBe(2);
    expect((await runCli(['lint', '--rule', 'no-such-rule=off'], { cwd: MIXED })).stderr).toContain(
      'unknown rule "no-such-rule"',
    );
    const dir = mkdtempSync(join(tmpdir(), 'apig-lint-'));
    cpSync(MIXED, dir, { recursive: true });
    writeFileSync(join(dir, '.apiglint.yaml'), 'rules:\n  reserved-name: loud\n');
    const bad = await runCli(['lint'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.apiglint.yaml:2:18');
    writeFileSync(join(dir, 'broken.yaml'), 'a: [1\n');
    expect((await runCli(['lint', 'broken.yaml'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['lint', 'missing.yaml'], { cwd: dir })).code).toBe(2);
  });

  it('reads .apiglint.yaml (rules and quotas) and a --profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-lint-'));
    cpSync(MIXED, dir, { recursive: true });
    writeFileSync(
      join(dir, '.apiglint.yaml'),
      'rules:\n  reserved-name: warn\n  backend-variables: off\n  workspace-references: off\n',
    );
    expect((await runCli(['lint'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'profile.yaml'), 'quotas:\n  apis: 1\n');
    const r = await runCli(['lint', '--profile', 'profile.yaml', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 APIs in the workspace; the quota is 1');
  });
});

describe('apig lint --watch', () => {
  it('lints again when a linted file changes, until interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-watch-'));
    cpSync(MIXED, dir, { recursive: true });
    const child = watchLint(['-f', 'json'], dir);
    const { waitFor } = child;
    await waitFor(/watching for changes/);
    expect(child.output()).toContain('"errors": 3');
    const shop = join(dir, 'shop.yaml');
    writeFileSync(shop, readFileSync(shop, 'utf8').replace('name: X-Stage', 'name: X-Store'));
    await waitFor(/"errors": 2/);
    expect(await child.stop()).toBe(0);
  });
});
