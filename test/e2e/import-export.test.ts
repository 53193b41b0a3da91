/**
 * The CLI over fixture files: import, export, --check, bad input, help and exit codes. Most run in-process
 * (`runCli`); the bin shim and a closed stdout pipe need the real binary (`spawnCli`).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, runCli, spawnCli } from './run-cli.js';

const fixture = (p: string): string => join(ROOT, 'fixtures', p);
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'apig-e2e-'));

function snapshotDir(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

describe('apig (shell)', () => {
  it('--version, --help and <cmd> --help exit 0', async () => {
    // The bin shim: `node bin/apig.js` loads the built CLI and exits with its code.
    const v = await spawnCli(['--version']);
    expect(v).toMatchObject({ code: 0 });
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await runCli(['--version'])).stdout).toBe(v.stdout);
    const h = await runCli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('import');
    expect(h.stdout).toContain('export');
    expect((await runCli(['export', '--help'])).stdout).toContain('--scope <scope>');
  });

  it('a reader that closes the pipe early (`apig export | head`) stops the export quietly, exit 0', async () => {
    const child = spawn(process.execPath, [BIN, 'export', fixture('examples/full-featured.yaml')], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before the first write: every write meets EPIPE
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString('utf8');
    });
    const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('unknown flags and commands exit 2 with a clear message', async () => {
    const flag = await runCli(['export', '--frobnicate']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--frobnicate'");
    const cmd = await runCli(['frobnicate']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain("unknown command 'frobnicate'");
    expect((await runCli([])).code).toBe(2);
    const choice = await runCli(['export', '--scope', 'everything']);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain('Allowed choices are basic, full, extended');
  });

  it('honours NO_COLOR and --no-color (no escape codes)', async () => {
    const r = await runCli(['import', 'missing.yaml', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.stderr).not.toMatch(/\u001b\[/);
    const forced = await runCli(['import', 'missing.yaml'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stderr).toMatch(/\u001b\[/);
  });
});

describe('apig import / export', () => {
  it('imports into a new workspace, then exports the same document back', async () => {
    const dir = tempDir();
    const imp = await runCli(['import', fixture('examples/full-featured.yaml')], { cwd: dir });
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('imported 5 API(s) into new group APIGroup_test');
    expect(parse(readFileSync(join(dir, 'apig.yaml'), 'utf8'))).toEqual({
      groups: [{ name: 'APIGroup_test', spec: 'APIGroup_test.yaml' }],
    });
    const exp = await runCli(['export', '--scope', 'extended'], { cwd: dir });
    expect(exp.code).toBe(0);
    expect(parse(exp.stdout)).toEqual(parse(readFileSync(fixture('examples/full-featured.yaml'), 'utf8')));
    const check = await runCli(['export', '--check'], { cwd: dir });
    expect(check).toMatchObject({ code: 0 });
    expect(check.stdout).toContain('nothing is lost');
  });

  it('imports into an existing group: keeps by default, overwrites with --overwrite', async () => {
    const dir = tempDir();
    await runCli(['import', fixture('examples/otc-four-backends.yaml'), '--group', 'shop'], { cwd: dir });
    const again = await runCli(['import', fixture('examples/full-featured.yaml'), '--group', 'shop'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('+ paramExtensions');
    expect(again.stdout).toContain('= getUser3: kept the existing one');
    expect(again.stdout).toContain('+ throttle policy customRatelimitName');
    const over = await runCli(
      ['import', fixture('examples/full-featured.yaml'), '--group', 'shop', '--overwrite', '--extend-mode', 'override'],
      { cwd: dir },
    );
    expect(over.stdout).toContain('~ getUser3 (overwritten)');
    const shop = parse(readFileSync(join(dir, 'shop.yaml'), 'utf8')) as { paths: Record<string, unknown> };
    expect(Object.keys(shop.paths)).toEqual(['/http/{userId}', '/http-vpc', '/function/{name}', '/mock', '/']);
  });

  it('merging into an existing group file keeps its comments and untouched lines', async () => {
    const dir = tempDir();
    await runCli(['import', fixture('examples/otc-four-backends.yaml'), '--group', 'shop'], { cwd: dir });
    const file = join(dir, 'shop.yaml');
    const commented = `# Shop APIs: owned by the payments team\n${readFileSync(file, 'utf8').replace('\npaths:\n', '\npaths: # every route of the shop\n')}`;
    writeFileSync(file, commented);
    const again = await runCli(['import', fixture('examples/full-featured.yaml'), '--group', 'shop'], { cwd: dir });
    expect(again.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(commented.slice(0, commented.indexOf('\nx-apigateway') + 1))).toBe(true);
    expect(after).toContain('# Shop APIs: owned by the payments team');
    expect(after).toContain('paths: # every route of the shop');
    expect(Object.keys((parse(after) as { paths: Record<string, unknown> }).paths)).toContain('/');
  });

  it('exports by environment, scope, format, OpenAPI version and version, to a file', async () => {
    const dir = tempDir();
    cpSync(fixture('demo'), dir, { recursive: true });
    const out = await runCli(
      ['export', '--env', 'test', '--scope', 'basic', '--oas', '3', '--api-version', '9.9', '-o', 'out.json'],
      { cwd: dir },
    );
    expect(out.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Record<string, unknown>;
    expect(doc.openapi).toBe('3.0.3');
    expect((doc.info as Record<string, unknown>).version).toBe('9.9');
    expect(JSON.stringify(doc)).not.toContain('x-apigateway-backend');
    const unknownEnv = await runCli(['export', '--env', 'nope'], { cwd: dir });
    expect(unknownEnv.code).toBe(2);
    expect(unknownEnv.stderr).toContain('unknown environment nope');
  });

  it('export is stable: same input, same bytes', async () => {
    const a = await runCli(['export', '-w', fixture('variants/real-exports.yaml'), '--format', 'json']);
    const b = await runCli(['export', '-w', fixture('variants/real-exports.yaml'), '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('--check names what a narrower scope would lose, and exits 1', async () => {
    const r = await runCli(['export', '-w', fixture('examples/full-featured.yaml'), '--scope', 'basic', '--check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('#/paths/~1http~1{userId}/get/x-apigateway-backend  lost');
  });

  it.each([
    ['malformed YAML', 'a: [1, 2\nb: 3\n', 'bad.yaml:2:1  error  invalid YAML'],
    ['not Swagger', 'name: x\n', 'not a Swagger 2.0 or OpenAPI 3.0 document'],
    [
      'unknown match mode',
      'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses: {200: {description: ok}}\n      x-apigateway-match-mode: PREFIX\n',
      'bad.yaml:7:32  error  x-apigateway-match-mode must be one of "SWA", "NORMAL" (got "PREFIX")',
    ],
    [
      '$ref cycle',
      'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\nparameters:\n  p: {$ref: "#/parameters/q"}\n  q: {$ref: "#/parameters/p"}\n',
      '$ref cycle',
    ],
  ])('bad input (%s): exit 2, a positioned message, nothing on disk changes', async (_name, text, expected) => {
    const dir = tempDir();
    cpSync(fixture('demo'), dir, { recursive: true });
    writeFileSync(join(dir, 'bad.yaml'), text);
    const before = snapshotDir(dir);
    const r = await runCli(['import', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('a missing file exits 2 without a stack trace', async () => {
    const r = await runCli(['import', 'nope.yaml'], { cwd: tempDir() });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr.trim()).toBe('apig: cannot read nope.yaml: no such file');
  });
});
