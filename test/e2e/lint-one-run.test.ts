/**
 * Issue 14, "everything in one run": a file with a schema error still gets every APIG rule on the rest; a file that
 * does not parse is a `parse` finding in every format (exit 1, never silence); globs, standard input and the
 * baseline; the per-file cap; the same rule ids in every command.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { watchLint } from './watch-child.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'apig-one-run-'));

/** One Swagger slip (`type: strng` on getA's parameter), a throttle policy that fails its schema, APIG problems. */
const MIXED = readFileSync(join(ROOT, 'fixtures/lint/invalid/one-run.yaml'), 'utf8');

interface JsonRow {
  code: string;
  severity: string;
  message: string;
  path: string;
  range: { start: { line: number } };
}

const rows = (stdout: string): JsonRow[] => (JSON.parse(stdout) as { results: JsonRow[] }).results;

describe('everything in one run', () => {
  it('a Swagger slip and an extension error are reported, and the APIG rules run on the rest', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'shop.yaml'), MIXED);
    const r = await runCli(['lint', 'shop.yaml', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = rows(r.stdout);
    const codes = new Set(found.map((f) => f.code));
    // The slip and the bad policy...
    expect(found.find((f) => f.code === 'swagger-schema')?.path).toMatch(/^\/paths\/~1a\/get\/parameters\/0/);
    expect(
      found.some((f) => f.code === 'extension-schema' && f.path.startsWith('/x-apigateway-ratelimits/rl_bad')),
    ).toBe(true);
    // ...and what the other operations hold: a timeout past the limit, an API without a backend.
    expect(codes).toContain('backend-timeout');
    expect(codes).toContain('backend-required');
    // No finding follows from what was left out: getB's policy exists, only invalid.
    expect(found.filter((f) => f.code === 'policy-reference')).toEqual([]);
  });

  it('an environment under publish: that does not exist is an error, in the same run as a group error', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'shop.yaml'), MIXED);
    writeFileSync(
      join(dir, 'apig.yaml'),
      'groups:\n  - name: shop\n    spec: shop.yaml\npublish:\n  RELAESE: [getB]\n  RELEASE: [getA]\n',
    );
    const r = await runCli(['lint', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = rows(r.stdout);
    expect(found).toContainEqual(
      expect.objectContaining({
        code: 'workspace-references',
        severity: 'error',
        path: '/publish/RELAESE',
        message: 'environment "RELAESE" is not defined under environments:',
      }),
    );
    // getA was left out for its error, but it exists: publishing it is no finding.
    expect(found.filter((f) => f.code === 'workspace-references' && f.message.includes('getA'))).toEqual([]);
  });

  it('errors in apig.yaml are findings, and the groups are still linted', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'shop.yaml'), MIXED);
    writeFileSync(join(dir, 'apig.yaml'), 'groups:\n  - name: shop\n    spec: shop.yaml\nenvironmets: {}\n');
    const r = await runCli(['lint', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const codes = new Set(rows(r.stdout).map((f) => f.code));
    expect(codes).toContain('workspace-schema');
    expect(codes).toContain('backend-timeout');
  });
});

const BROKEN = 'swagger: "2.0"\ninfo:\n  title: shop\n   version: 1\n';

describe('a file that does not parse is a finding in every format', () => {
  it('json on stdout, with rule parse, line and column; exit 1', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'bad.yaml'), BROKEN);
    const r = await runCli(['lint', 'bad.yaml', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const [row] = rows(r.stdout);
    expect(row).toMatchObject({ code: 'parse', severity: 'error' });
    expect(row?.range.start.line).toBe(2);
  });

  it('sarif -o writes a log holding it; github prints the annotation; junit a failure', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'bad.yaml'), BROKEN);
    const sarif = await runCli(['lint', 'bad.yaml', '-f', 'sarif', '-o', 'out.sarif'], { cwd: dir });
    expect(sarif.code).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: object } }> }> }>;
    };
    expect(log.runs[0]?.results[0]?.ruleId).toBe('parse');
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.region).toMatchObject({ startLine: 3 });
    const github = await runCli(['lint', 'bad.yaml', '-f', 'github'], { cwd: dir });
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=bad\.yaml,line=3,col=\d+.*::/m);
    const junit = await runCli(['lint', 'bad.yaml', '-f', 'junit'], { cwd: dir });
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(/name="parse">\s*<failure /);
  });

  it('parse cannot be turned off: a file apig cannot read never passes', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'bad.yaml'), BROKEN);
    const r = await runCli(['lint', 'bad.yaml', '--rule', 'parse=off'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rule "parse" is always an error');
  });
});

describe('inputs', () => {
  it('a quoted glob lints every file it matches; one that matches nothing is a usage error', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'specs', 'more'), { recursive: true });
    writeFileSync(join(dir, 'specs', 'a.yaml'), BROKEN);
    writeFileSync(join(dir, 'specs', 'more', 'b.yaml'), BROKEN);
    writeFileSync(join(dir, 'specs', 'notes.txt'), 'not linted');
    const one = await runCli(['lint', 'specs/*.yaml', '-f', 'json'], { cwd: dir });
    expect(one.code).toBe(1);
    expect(new Set(rows(one.stdout).map((f) => (f as unknown as { source: string }).source))).toEqual(
      new Set(['specs/a.yaml']),
    );
    const all = await runCli(['lint', 'specs/**/*.{yaml,yml}', '-f', 'json'], { cwd: dir });
    expect(new Set(rows(all.stdout).map((f) => (f as unknown as { source: string }).source))).toEqual(
      new Set(['specs/a.yaml', 'specs/more/b.yaml']),
    );
    const none = await runCli(['lint', 'specs/*.json'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no files match specs/*.json');
  });

  it('- reads standard input, named by --stdin-filepath', async () => {
    const dir = temp();
    const r = await runCli(['lint', '-', '--stdin-filepath', 'specs/shop.yaml', '-f', 'json'], {
      cwd: dir,
      input: MIXED,
    });
    expect(r.code).toBe(1);
    const found = rows(r.stdout) as unknown as Array<{ source: string; code: string }>;
    expect(new Set(found.map((f) => f.source))).toEqual(new Set(['specs/shop.yaml']));
    expect(found.map((f) => f.code)).toContain('backend-timeout');
    const plain = await runCli(['lint', '-'], { cwd: dir, input: BROKEN });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/<stdin>:3:\d+ +error .* parse/);
  });
});

describe('the baseline', () => {
  it('--generate-baseline writes rule + pointer (no lines); --baseline hides them, and new ones still fail', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'shop.yaml'), MIXED);
    const gen = await runCli(['lint', 'shop.yaml', '--generate-baseline', 'lint-baseline.yaml'], { cwd: dir });
    expect(gen.code).toBe(0);
    const written = readFileSync(join(dir, 'lint-baseline.yaml'), 'utf8');
    expect(written).toContain('backend-timeout:');
    expect(written).toContain('"/paths/~1b/get/x-apigateway-backend/httpEndpoints/timeout"');
    expect(written).not.toMatch(/:\d+:\d+|\bline\b/);
    // Lines move: a comment at the top shifts every finding, and the baseline still holds.
    writeFileSync(join(dir, 'shop.yaml'), `# moved down\n\n${MIXED}`);
    const same = await runCli(['lint', 'shop.yaml', '--baseline', 'lint-baseline.yaml'], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/hidden by the baseline/);
    // SARIF lists them as unchanged.
    const sarif = await runCli(['lint', 'shop.yaml', '--baseline', 'lint-baseline.yaml', '-f', 'sarif'], { cwd: dir });
    const states = (
      JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ baselineState: string }> }> }
    ).runs[0]?.results.map((x) => x.baselineState);
    expect(new Set(states)).toEqual(new Set(['unchanged']));
    // A new problem is not in the baseline: it fails the run, and SARIF calls it new.
    writeFileSync(
      join(dir, 'shop.yaml'),
      `${MIXED.replace('paths:\n', `paths:\n  /d:\n    get:\n      operationId: getD\n      responses: {"200": {description: ok}}\n`)}`,
    );
    const fresh = await runCli(['lint', 'shop.yaml', '--baseline', 'lint-baseline.yaml', '-f', 'json'], { cwd: dir });
    expect(fresh.code).toBe(1);
    expect(rows(fresh.stdout).map((f) => f.path)).toEqual(['/paths/~1d/get']);
  });

  it('a baseline that is not one stops the run (exit 2)', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'shop.yaml'), MIXED);
    writeFileSync(join(dir, 'b.yaml'), 'shop.yaml:\n  no-such-rule: ["/x"]\n');
    const r = await runCli(['lint', 'shop.yaml', '--baseline', 'b.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "no-such-rule"');
    expect(existsSync(join(dir, 'missing.yaml'))).toBe(false);
    expect((await runCli(['lint', 'shop.yaml', '--baseline', 'missing.yaml'], { cwd: dir })).code).toBe(2);
  });
});

describe('bounded output', () => {
  it('more than 1,000 findings in a file: the first 1,000 are listed, and how many more', async () => {
    const dir = temp();
    let spec = 'swagger: "2.0"\ninfo: {title: many_apis, version: "1"}\npaths:\n';
    // 1,200 APIs without a backend: 1,200 backend-required errors.
    for (let i = 0; i < 1200; i++)
      spec += `  /p${i}:\n    get:\n      operationId: op${i}\n      responses: {"200": {description: ok}}\n`;
    writeFileSync(join(dir, 'many.yaml'), spec);
    const r = await runCli(['lint', 'many.yaml', '--rule', 'quotas=off', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { results: unknown[]; omitted: unknown[]; summary: { errors: number } };
    expect(out.results.length).toBe(1000);
    expect(out.omitted).toEqual([{ file: 'many.yaml', count: 200 }]);
    expect(out.summary.errors).toBe(1200);
    const stylish = await runCli(['lint', 'many.yaml', '--rule', 'quotas=off'], { cwd: dir });
    expect(stylish.stdout).toContain('… and 200 more findings in many.yaml');
  });
});

describe('one id per rule in every command', () => {
  it('import, export, serve and add name a Swagger slip and an extension error as lint does', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'shop.yaml'), MIXED);
    const lint = await runCli(['lint', 'shop.yaml'], { cwd: dir });
    for (const id of ['swagger-schema', 'extension-schema']) expect(lint.stdout).toContain(id);
    for (const argv of [
      ['import', 'shop.yaml', '-w', 'ws'],
      ['export', 'shop.yaml'],
      ['serve', 'shop.yaml', '--port', '0'],
      ['add', 'api', '-w', 'shop.yaml', '--path', '/z', '--name', 'getZ', '--yes'],
    ]) {
      const r = await runCli(argv, { cwd: dir });
      expect([argv[0], r.code]).toEqual([argv[0], 2]);
      expect(r.stderr).toMatch(/\bswagger-schema\b/);
      expect(r.stderr).toMatch(/\bextension-schema\b/);
      expect(r.stderr).not.toMatch(/ (schema|swagger)$/m);
    }
  });
});

describe('apig lint --watch after a run with errors', () => {
  it('goes on linting a group file that did not parse, and shows the fix', async () => {
    const dir = temp();
    const group = join(dir, 'shop.yaml');
    const good = MIXED.replace('timeout: 900000', 'timeout: 5000');
    writeFileSync(group, good);
    writeFileSync(join(dir, 'apig.yaml'), 'groups:\n  - name: shop\n    spec: shop.yaml\n');
    const child = watchLint(['-f', 'json'], dir);
    const { waitFor } = child;
    try {
      await waitFor(/watching for changes/, 0);
      // Broken: the group no longer parses.
      let mark = child.output().length;
      writeFileSync(group, `${good}\n  bad: [\n`);
      await waitFor(/"code": "parse"[\s\S]*"errors"/, mark);
      // Fixed, the way editors save: a new file renamed over the old one.
      mark = child.output().length;
      writeFileSync(join(dir, 'shop.yaml.tmp'), good.replace('timeout: 5000', 'timeout: 900000'));
      renameSync(join(dir, 'shop.yaml.tmp'), group);
      await waitFor(/"code": "backend-timeout"[\s\S]*"errors"/, mark);
      expect(child.output().slice(mark)).not.toContain('"code": "parse"');
    } finally {
      await child.stop();
    }
  });
});
