/**
 * The docs stay true: every `apig` command in the shell blocks of docs/**\/*.md runs as written, page by page
 * in document order, each after the ones before it (a workspace `init` creates is the one the next `add`
 * lines change), in a scratch folder; it exits with the code its comment states (else 0), and a `console`
 * block's output is what the CLI prints. What cannot run here is skipped by the rules of doc-runner.ts's
 * `notRunnable` (serve and lint --watch wait until stopped, init/add without --yes ask questions, --send to a
 * host that is not this machine); a page's gateway and local backend are started in the background instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apigArgs, docCommands, shellWords } from './doc-examples.js';
import { notRunnable, runPage } from './doc-runner.js';
import { ROOT, runCli } from './run-cli.js';

const PAGES = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => `docs/${f}`);

const commandsOf = (page: string) => docCommands(page, readFileSync(join(ROOT, page), 'utf8'));

/**
 * docs/sign.md exports `APIG_SECRET=...`, the reader's own secret: the test signs with the worked example's
 * secret (FAQ (2024) §4.7) instead.
 */
const PLACEHOLDERS = { APIG_SECRET: 'e954368d3b495a86cc7e0042e1645c4bc' };

/**
 * Files the pages name but leave to the reader: `--explain @error.json` reads the body of a gateway's
 * signature failure (here for the same request with another X-Sdk-Date), `--data-binary @order.json` a body.
 */
const FILES = {
  'error.json': `${JSON.stringify({
    error_msg:
      'Incorrect app authentication information: verify signature fail, canonicalRequest:GET|/v1/orders/||host:api.example.com|x-sdk-date:20240315T083000Z||host;x-sdk-date|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    error_code: 'APIG.0303',
    request_id: '1a7c2b4e9f3d4c5a8b6e0d1f2a3b4c5d',
  })}\n`,
  'order.json': '{"qty":1}\n',
};

describe('docs examples', () => {
  it('finds the examples of the pages that have them', () => {
    const apig = (page: string) => commandsOf(page).filter((c) => apigArgs(c) !== undefined);
    for (const page of ['docs/authoring.md', 'docs/serve.md', 'docs/sign.md'])
      expect(apig(page).length, page).toBeGreaterThan(0);
    // A continued line is one command, with the line it starts on.
    const worked = apig('docs/sign.md').find((c) => c.words.includes('--date'));
    expect(worked?.words.at(-1)).toBe('http://192.168.0.1:10000/get/');
    expect(worked?.at).toMatch(/^docs\/sign\.md:\d+$/);
  });

  it('skips only what cannot run here, and says why', () => {
    const why = (line: string) => notRunnable(apigArgs(shellWords(line)) ?? []);
    expect(why('npx apig serve fixtures/demo')).toMatch(/until stopped/);
    expect(why('npx apig lint --watch fixtures/demo')).toMatch(/until stopped/);
    expect(why('npx apig add api')).toMatch(/asks questions/);
    expect(why('npx apig add api --help')).toBeUndefined();
    expect(why('npx apig add api --path /a --yes')).toBeUndefined();
    expect(why('apig sign --send https://api.example.com/v1/orders')).toMatch(/api\.example\.com/);
    expect(why('apig sign --send http://127.0.0.1:8080/users/42')).toBeUndefined();
    expect(why('apig sign https://api.example.com/v1/orders')).toBeUndefined();
  });

  for (const page of PAGES) {
    const commands = commandsOf(page);
    if (!commands.some((c) => apigArgs(c) !== undefined)) continue;
    it(`${page}: every runnable example runs as written, in order, and prints what the page shows`, async () => {
      const report = await runPage({ commands, cli: runCli, placeholders: PLACEHOLDERS, files: FILES });
      expect(report.ran.length, page).toBeGreaterThan(0);
    });
  }
});
