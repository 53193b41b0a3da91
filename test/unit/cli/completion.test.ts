/**
 * Issue 15: shell completion. The candidates for the word being completed, read from the real program (every
 * command, flag and choice as registered) and a workspace of two groups written here.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { complete, render, type NameSource } from '../../../src/cli/completion/candidates.js';
import { workspaceNames } from '../../../src/cli/completion/names.js';
import { quietProgram } from '../../e2e/quiet-program.js';

const SHOP = `swagger: '2.0'
info: { title: shop, version: '1.0' }
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      parameters: [{ name: id, in: path, required: true, type: string }]
      responses: { default: { description: ok } }
      x-apigateway-ratelimit: perUser
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: order } }
      x-apigateway-backend-policies:
        - name: goldTier
          type: MOCK
          effectMode: ANY
          conditions: [{ origin: param, parameter: id, type: exact, value: gold }]
          mockEndpoints: { result-content: gold }
  /orders:
    get:
      operationId: listOrders
      responses: { default: { description: ok } }
      x-apigateway-access-control: officeOnly
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: orders } }
    post:
      operationId: createOrder
      responses: { default: { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: created } }
x-apigateway-ratelimits:
  perUser: { api-limit: 100, user-limit: 10, interval: 1, unit: SECOND }
x-apigateway-access-controls:
  officeOnly: { acl-type: PERMIT, entity-type: IP, value: 10.0.0.0/8 }
`;
const ADMIN = `swagger: '2.0'
info: { title: admin, version: '1.0' }
paths:
  /stats:
    get:
      operationId: getStats
      responses: { default: { description: ok } }
      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: stats } }
`;
const WORKSPACE = `groups:
  - { name: shop, spec: shop.yaml }
  - { name: admin, spec: admin.yaml }
environments:
  staging: { description: before release, variables: {} }
  test: { variables: {} }
apps:
  - { name: mobile, key: k1, secret: s1, authorize: {} }
  - { name: partner, key: k2, secret: s2, authorize: {} }
`;

let dir = '';
let names: NameSource = async () => [];
const program = quietProgram();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'apig-completion-'));
  writeFileSync(join(dir, 'apig.yaml'), WORKSPACE);
  writeFileSync(join(dir, 'shop.yaml'), SHOP);
  writeFileSync(join(dir, 'admin.yaml'), ADMIN);
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  // Completion runs where the user stands: here, a folder below the workspace.
  names = (kinds, workspace) => workspaceNames(kinds, workspace, { cwd: join(dir, 'sub', 'deeper'), env: {} });
});

const values = async (...words: string[]) => (await complete(program, words, names)).candidates.map((c) => c.value);
const paths = async (...words: string[]) => (await complete(program, words, names)).paths;

describe('completion candidates', () => {
  it('commands and nested subcommands, without the hidden ones', async () => {
    const top = await values('');
    expect(top).toEqual(expect.arrayContaining(['init', 'add', 'import', 'export', 'lint', 'sign', 'serve']));
    expect(top).toContain('completion');
    expect(top).not.toContain('__complete');
    expect(await values('se')).toEqual(['serve']);
    expect(await values('l')).toEqual(['lint', 'lsp']);
    expect(await values('add', '')).toEqual(['api', 'app', 'env', 'throttle', 'acl', 'backend-policy']);
    expect(await values('add', 'a')).toEqual(['api', 'app', 'acl']);
    expect(await values('help', 'ex')).toEqual(['export']);
  });

  it('flags of the command reached, long and short, after a -', async () => {
    expect(await values('lint', '--f')).toEqual(['--format', '--fail-severity', '--fix', '--fix-dry-run']);
    expect(await values('export', '-')).toEqual(expect.arrayContaining(['-g', '--group', '-s', '--scope', '--help']));
    expect(await values('add', 'api', '--gr')).toEqual(['--group']);
    expect(await values('sign', '-k')).toEqual(['-k']);
    // Hidden options (add's --no-cors) are not offered; the shown ones are.
    expect(await values('add', 'api', '--')).toContain('--cors');
    expect(await values('add', 'api', '--')).not.toContain('--no-cors');
    // After `--`, a word starting with - is an operand.
    expect(await values('lint', '--', '-')).toEqual([]);
  });

  it("the choices of an option or argument, in every way an option's value is written", async () => {
    expect(await values('serve', '--log-format', '')).toEqual(['pretty', 'json']);
    expect(await values('serve', '--log-format=j')).toEqual(['--log-format=json']);
    expect(await values('serve', '--log-format', '=', 'j')).toEqual(['json']); // bash splits at =
    expect(await values('lint', '-f', 's')).toEqual(['stylish', 'sarif']);
    expect(await values('lint', '-qF', '')).toEqual(['error', 'warn', 'info', 'hint']);
    expect(await values('export', '--scope', '')).toEqual(['basic', 'full', 'extended']);
    expect(await values('import', 'x.yaml', '--extend-mode', '')).toEqual(['merge', 'override']);
    expect(await values('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    // A value taken, the next word is an operand again: serve's [workspace] is a path.
    expect(await values('serve', '--log-format', 'json', '')).toEqual([]);
    expect(await paths('serve', '--log-format', 'json', '')).toBe('files');
  });

  it('paths are left to the shell: options taking <file> or <path>, and [workspace], <file>, [paths...], [dir]', async () => {
    expect(await paths('export', '-o', '')).toBe('files');
    expect(await paths('lint', '--config', '')).toBe('files');
    expect(await paths('lint', 'a.yaml', 'b.yaml', '')).toBe('files');
    expect(await paths('import', '')).toBe('files');
    expect(await paths('init', '')).toBe('dirs');
    expect(await paths('serve', '--port', '')).toBeUndefined();
    expect(await values('serve', '--port', '')).toEqual([]);
    expect(await paths('sign', '')).toBeUndefined();
  });

  it('the names in the workspace, for the options that take them', async () => {
    expect(await values('add', 'api', '--group', '')).toEqual(['shop', 'admin']);
    expect(await values('add', 'api', '--throttle', '')).toEqual(['perUser']);
    expect(await values('add', 'api', '--acl', '')).toEqual(['officeOnly']);
    expect(await values('add', 'api', '--publish', '')).toEqual(['staging', 'test', 'RELEASE']);
    expect(await values('add', 'backend-policy', '--api', 'get')).toEqual(['getOrder', 'getStats']);
    expect(await values('sign', '--app', '')).toEqual(['mobile', 'partner']);
    expect(await values('export', '-e', 's')).toEqual(['staging']);
    // A comma-separated list completes its last element, without the ones already listed.
    expect(await values('add', 'throttle', '--apis', 'getOrder,')).toEqual([
      'getOrder,listOrders',
      'getOrder,createOrder',
      'getOrder,getStats',
    ]);
    expect(await values('add', 'app', '--authorize-envs', 'test,st')).toEqual(['test,staging']);
  });

  it('names come with a description for zsh and fish', async () => {
    const { candidates } = await complete(program, ['add', 'backend-policy', '--api', 'getO'], names);
    expect(candidates).toEqual([{ value: 'getOrder', description: 'GET /orders/{id}' }]);
    expect(render({ candidates })).toBe('getOrder\tGET /orders/{id}\n:plain\n');
    expect(render({ candidates: [], paths: 'files' })).toBe(':files\n');
  });

  it('-w/--workspace names the workspace the names come from, as the command will read it', async () => {
    const other = mkdtempSync(join(tmpdir(), 'apig-completion-other-'));
    writeFileSync(join(other, 'apig.yaml'), 'groups:\n  - { name: admin, spec: admin.yaml }\n');
    writeFileSync(join(other, 'admin.yaml'), ADMIN);
    expect(await values('add', 'api', '-w', other, '--group', '')).toEqual(['admin']);
    expect(await values('add', 'api', `--workspace=${other}`, '--group', '')).toEqual(['admin']);
    expect(await values('export', other, '-g', '')).toEqual(['admin']);
  });

  it('no workspace, or one that cannot be read: no names, and no error', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'apig-completion-none-'));
    const none: NameSource = (kinds, ws) => workspaceNames(kinds, ws, { cwd: empty, env: {} });
    expect((await complete(program, ['sign', '--app', ''], none)).candidates).toEqual([]);
    writeFileSync(join(empty, 'apig.yaml'), 'groups: [ {');
    expect((await complete(program, ['sign', '--app', ''], none)).candidates).toEqual([]);
    expect(await values('add', 'api', '-w', join(empty, 'missing.yaml'), '--group', '')).toEqual([]);
  });
});

describe('the naming conventions that commands follow (and commands added later are completed by)', () => {
  // Commands declared as the authoring commands declare them; only their names and arguments matter here.
  const apig = new Command('apig');
  const edit = apig.command('edit');
  for (const kind of ['api', 'app', 'env', 'throttle', 'acl', 'backend-policy', 'group'])
    edit.command(kind).argument('<name>').option('--description <text>');
  apig.command('rename').command('throttle').argument('<name>').argument('<new-name>');
  const bind = apig.command('bind');
  bind.command('throttle').argument('<policy>').option('--api <name>').option('--env <name>');
  apig.command('unbind').argument('<policy>');
  apig.command('publish').argument('<env>').argument('[api...]');
  apig.command('show').argument('<group>').argument('[app]');
  const named = async (...words: string[]) => (await complete(apig, words, names)).candidates.map((c) => c.value);

  it('a positional <name> under a subcommand named after a kind: names of that kind', async () => {
    expect(await named('edit', 'api', '')).toEqual(['getOrder', 'listOrders', 'createOrder', 'getStats']);
    expect(await named('edit', 'app', '')).toEqual(['mobile', 'partner']);
    expect(await named('edit', 'env', '')).toEqual(['staging', 'test', 'RELEASE']);
    expect(await named('edit', 'throttle', '')).toEqual(['perUser']);
    expect(await named('edit', 'acl', '')).toEqual(['officeOnly']);
    expect(await named('edit', 'backend-policy', '')).toEqual(['goldTier']);
    expect(await named('edit', 'group', 'a')).toEqual(['admin']);
    // The new name is the user's to choose.
    expect(await named('rename', 'throttle', 'perUser', '')).toEqual([]);
  });

  it('a positional <policy>: policies of the kind its command names, else of every kind', async () => {
    expect(await named('bind', 'throttle', '')).toEqual(['perUser']);
    expect(await named('unbind', '')).toEqual(['perUser', 'officeOnly', 'goldTier']);
    expect(await named('bind', 'throttle', 'perUser', '--api', 'list')).toEqual(['listOrders']);
    expect(await named('bind', 'throttle', 'perUser', '--env', '')).toEqual(['staging', 'test', 'RELEASE']);
  });

  it('positionals <env>, [api...], <group> and [app]; an API already listed is not offered again', async () => {
    expect(await named('publish', '')).toEqual(['staging', 'test', 'RELEASE']);
    expect(await named('publish', 'staging', 'getOrder', 'get')).toEqual(['getStats']);
    expect(await named('show', '')).toEqual(['shop', 'admin']);
    expect(await named('show', 'shop', '')).toEqual(['mobile', 'partner']);
  });
});
