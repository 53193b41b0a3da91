/**
 * Regression (issue 15): a JSON group file with CRLF line ends was written back with LF ones: `apig edit api
 * getUser --backend-timeout 8000` on demo.json changed every line of the file (what a diff and a review see),
 * and so did `apig rename`. Now what is written keeps the file's line ends, as YAML files already did.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../e2e/run-cli.js';

describe('a JSON group file with CRLF line ends', () => {
  it('keeps them through edit and rename', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-json-crlf-'));
    cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
    const json = `${JSON.stringify(parse(readFileSync(join(dir, 'demo.yaml'), 'utf8')), null, 2)}\n`.replace(
      /\n/g,
      '\r\n',
    );
    writeFileSync(join(dir, 'demo.json'), json);
    writeFileSync(
      join(dir, 'apig.yaml'),
      readFileSync(join(dir, 'apig.yaml'), 'utf8').replace('demo.yaml', 'demo.json'),
    );
    const r = await runCli(['edit', 'api', 'getUser', '--backend-timeout', '8000', '--yes'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'demo.json'), 'utf8')).toBe(json.replace('"timeout": 5000', '"timeout": 8000'));
    expect((await runCli(['rename', 'throttle', 'perApp', 'perClient'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'demo.json'), 'utf8')).toBe(
      json.replace('"timeout": 5000', '"timeout": 8000').replaceAll('"perApp"', '"perClient"'),
    );
  });
});
