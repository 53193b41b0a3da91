/**
 * Regression (issue 15): apig.yaml names APIs without their group, so with an API `ping` in two groups,
 * `publish.RELEASE: [ping]` publishes both. `apig rename api ping pong --group shop` rewrote the entry to `pong`,
 * silently unpublishing the other group's ping; `apig remove api ping --group shop` was refused for an entry the
 * other ping still needs, and --force would have unpublished it. Now such an entry stays (rename adds the new
 * name beside it) and the command says so, as publish and unpublish do for such a name.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../e2e/run-cli.js';

/** fixtures/serve/groups with a second API named ping, in group shop. */
function twoPings(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apig-shared-name-'));
  cpSync(join(ROOT, 'fixtures/serve/groups'), dir, { recursive: true });
  const shop = readFileSync(join(dir, 'shop.yaml'), 'utf8').replace(
    '  /draft:',
    '  /ping:\n    get:\n      operationId: ping\n      responses: { "200": { description: ok } }\n' +
      "      x-apigateway-backend: { type: MOCK, mockEndpoints: { result-content: '{}' } }\n  /draft:",
  );
  writeFileSync(join(dir, 'shop.yaml'), shop);
  return dir;
}

const publish = (dir: string): unknown =>
  (parse(readFileSync(join(dir, 'apig.yaml'), 'utf8')) as { publish: unknown }).publish;

describe('an API name two groups share', () => {
  it('rename keeps the shared entry and names the new one beside it', async () => {
    const dir = twoPings();
    const r = await runCli(['rename', 'api', 'ping', 'pong', '--group', 'shop'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(
      'note: publish.RELEASE: pong added beside ping, which also names API ping of group DEFAULT',
    );
    expect(publish(dir)).toEqual({ RELEASE: ['shopItems', 'ping', 'pong'], DEV: ['*'] });
  });

  it('remove keeps the shared entry and is not held back by it', async () => {
    const dir = twoPings();
    const r = await runCli(['remove', 'api', 'ping', '--group', 'shop', '--yes'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('note: kept publish.RELEASE: it also names API ping of group DEFAULT');
    expect(publish(dir)).toEqual({ RELEASE: ['shopItems', 'ping'], DEV: ['*'] });
  });

  it('publish and unpublish say that the name stands for both', async () => {
    const dir = twoPings();
    const r = await runCli(['unpublish', 'RELEASE', 'ping', '--yes'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(
      'note: ping names an API in each of groups shop, DEFAULT (publish: names APIs without their group): ' +
        'each is unpublished\n',
    );
  });
});
