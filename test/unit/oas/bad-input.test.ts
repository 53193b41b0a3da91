/** Bad input always ends in a diagnostic with file:line:col and a JSON pointer, never an exception. */
import { describe, expect, it } from 'vitest';
import { loadGroupText } from '../../../src/oas/load-group.js';

const HEAD = 'swagger: "2.0"\ninfo:\n  title: t\n  version: "1"\n';

async function diags(text: string, file = 'bad.yaml') {
  const r = await loadGroupText(file, text);
  return r.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    line: (d.range?.start.line ?? -1) + 1,
    col: (d.range?.start.character ?? -1) + 1,
    path: d.path,
    message: d.message,
  }));
}

describe('bad input', () => {
  it('malformed YAML', async () => {
    const [d] = await diags('a: [1, 2\nb: 3\n');
    expect(d).toMatchObject({ code: 'parse', severity: 'error', line: 2, col: 1 });
  });

  it('malformed JSON, and YAML-only syntax in a .json file', async () => {
    expect((await diags('{"swagger": "2.0",,}', 'x.json'))[0]).toMatchObject({ code: 'parse', line: 1 });
    expect((await diags("{'swagger': '2.0'}", 'x.json'))[0]).toMatchObject({
      code: 'parse',
      message: expect.stringContaining('invalid JSON'),
    });
  });

  it('duplicate keys', async () => {
    expect((await diags(`${HEAD}paths: {}\npaths: {}\n`))[0]).toMatchObject({ code: 'parse', line: 6 });
  });

  it('a file that is not Swagger', async () => {
    expect((await diags('name: hello\n'))[0]).toMatchObject({
      code: 'parse',
      message: expect.stringContaining('not a Swagger 2.0 or OpenAPI 3.0 document'),
    });
    expect((await diags('[1, 2]\n'))[0]).toMatchObject({ code: 'parse' });
    expect((await diags('openapi: 3.2.0\n'))[0]).toMatchObject({
      code: 'parse',
      message: expect.stringContaining('3.2.0 is not supported'),
    });
  });

  it('an unknown enum value (a match mode that does not exist)', async () => {
    const text = `${HEAD}paths:\n  /a:\n    get:\n      responses: {200: {description: ok}}\n      x-apigateway-match-mode: PREFIX\n`;
    expect(await diags(text)).toEqual([
      {
        code: 'extension-schema',
        severity: 'error',
        line: 9,
        col: 32,
        path: '/paths/~1a/get/x-apigateway-match-mode',
        message: 'x-apigateway-match-mode must be one of "SWA", "NORMAL" (got "PREFIX")',
      },
    ]);
  });

  it('a missing required backend field, with its pointer', async () => {
    const text = `${HEAD}paths:\n  /a:\n    get:\n      responses: {200: {description: ok}}\n      x-apigateway-backend:\n        type: HTTP\n        httpEndpoints: {scheme: http, method: GET, path: /}\n`;
    const [d] = await diags(text);
    expect(d).toMatchObject({
      code: 'extension-schema',
      line: 11,
      path: '/paths/~1a/get/x-apigateway-backend/httpEndpoints',
      message: expect.stringContaining("required property 'address'"),
    });
  });

  it('a $ref cycle and a dangling $ref', async () => {
    const cycle = `${HEAD}paths:\n  /a:\n    get:\n      parameters: [{$ref: "#/parameters/p"}]\n      responses: {200: {description: ok}}\nparameters:\n  p: {$ref: "#/parameters/q"}\n  q: {$ref: "#/parameters/p"}\n`;
    expect((await diags(cycle))[0]).toMatchObject({
      code: 'ref-resolution',
      line: 8,
      message: expect.stringContaining('#/parameters/p -> #/parameters/q -> #/parameters/p'),
    });
    const dangling = `${HEAD}paths:\n  /a:\n    get:\n      parameters: [{$ref: "#/parameters/nope"}]\n      responses: {200: {description: ok}}\n`;
    expect((await diags(dangling))[0]).toMatchObject({
      code: 'ref-resolution',
      message: expect.stringContaining('does not resolve'),
    });
  });

  it('refuses $refs to URLs and other files', async () => {
    const url = `${HEAD}paths:\n  /a:\n    get:\n      parameters: [{$ref: "https://example.com/p.yaml"}]\n      responses: {200: {description: ok}}\n`;
    expect((await diags(url))[0]).toMatchObject({
      code: 'ref-resolution',
      message: expect.stringContaining('offline'),
    });
    const file = url.replace('https://example.com/p.yaml', '../secret.yaml#/p');
    expect((await diags(file))[0]).toMatchObject({
      code: 'ref-resolution',
      message: expect.stringContaining('another file'),
    });
  });

  it('Swagger schema errors point at the offending node (an unknown property at that property)', async () => {
    const text = `${HEAD}paths:\n  /a:\n    get:\n      parameters: [{name: q, in: query, type: string, bogus: 1}]\n      responses: {200: {description: ok}}\n`;
    const [d] = await diags(text);
    expect(d).toMatchObject({
      code: 'swagger-schema',
      path: '/paths/~1a/get/parameters/0/bogus',
      message: expect.stringContaining('has an unknown property "bogus"'),
    });
  });

  it('warns about an unknown or misplaced extension and keeps it', async () => {
    const text = `${HEAD}x-apigateway-cors: true\npaths:\n  /a:\n    get:\n      responses: {200: {description: ok}}\n      x-apigateway-ratelimt: rl\n`;
    const r = await loadGroupText('w.yaml', text);
    expect(r.group).toBeDefined();
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['misplaced-extension', 'warn'],
      ['unknown-extension', 'warn'],
    ]);
    expect(r.diagnostics[1]?.message).toContain('did you mean x-apigateway-ratelimit?');
  });

  it('refuses billion-laughs alias expansion', async () => {
    const lol = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lol.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const [d] = await diags(`${lol.join('\n')}\n`);
    expect(d).toMatchObject({ code: 'parse', message: expect.stringContaining('alias') });
  });
});
