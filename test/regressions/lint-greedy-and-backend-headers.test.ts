/**
 * Regressions from checking issue 4 point by point: a greedy `{q+}` path could not lint clean whichever name
 * its parameter had (`q`: swagger-schema; `q+`: parameter-name and path-parameters), and backend HEADER
 * parameters named Authorization or X-Auth-Token were not flagged although the rule says so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

const file = (yaml: string): string => {
  const f = join(mkdtempSync(join(tmpdir(), 'apig-greedy-')), 'api.yaml');
  writeFileSync(f, yaml);
  return f;
};
const doc = (
  path: string,
  params: string,
  backend = 'type: MOCK, mockEndpoints: {result-content: "{}"}',
): string => `swagger: "2.0"
info: {title: greedy_group, version: "1"}
paths:
  ${path}:
    get:
      operationId: greedy
      parameters: ${params}
      responses: {"200": {description: ok}}
      x-apigateway-backend: {${backend}}
`;
const codes = async (f: string): Promise<string[]> => {
  const r = await runCli(['lint', f, '-f', 'json']);
  return (JSON.parse(r.stdout) as { results: Array<{ code: string; message: string }> }).results.map(
    (x) => `${x.code}: ${x.message}`,
  );
};

describe('greedy path parameters', () => {
  it.each(['q', 'q+'])('/e/{q+} with a PATH parameter named %s lints clean', async (name) => {
    expect(await codes(file(doc('/e/{q+}', `[{name: "${name}", in: path, type: string, required: true}]`)))).toEqual(
      [],
    );
  });

  it('a PATH parameter still has to match the path', async () => {
    expect(
      (await codes(file(doc('/e/{q+}', '[{name: r, in: path, type: string, required: true}]')))).join('\n'),
    ).toMatch(/the path parameter "r" has no \{r\} in the path \/e\/\{q\+\}/);
  });
});

describe('backend HEADER parameters', () => {
  it.each([
    ['Authorization', 'the gateway sets it'],
    ['X-Auth-Token', 'IAM authentication'],
  ])('%s is reserved', async (name, why) => {
    const backend = `type: HTTP, httpEndpoints: {address: "example.com", scheme: http, method: GET, path: /x}, parameters: [{name: ${name}, value: v, in: HEADER, origin: CONSTANT}]`;
    const found = await codes(file(doc('/e', '[]', backend)));
    expect(
      found.some((x) => x.startsWith('reserved-name:') && x.includes(why)),
      found.join('\n'),
    ).toBe(true);
  });
});

describe('semantic findings are placed on the operation they name', () => {
  it('a path with several segments (it went to the first path of the file) and a greedy one', async () => {
    const f = file(`swagger: "2.0"
info: {title: greedy_group, version: "1"}
paths:
  /xyz:
    get:
      operationId: xyz
      responses: {"200": {description: ok}}
  /b/{p+}/c:
    post:
      operationId: bpc
      responses: {"200": {description: ok}}
`);
    const r = await runCli(['lint', f, '-f', 'json']);
    const hit = (
      JSON.parse(r.stdout) as {
        results: Array<{ code: string; message: string; path: string; range: { start: { line: number } } }>;
      }
    ).results.find((x) => x.code === 'swagger-schema');
    expect(hit?.path).toBe('/paths/~1b~1{p+}~1c/post');
    expect(hit?.message).toContain('paths > /b/{p+}/c > post declares no path parameter for {p+}');
    expect(hit?.range.start.line).toBe(9);
  });
});
