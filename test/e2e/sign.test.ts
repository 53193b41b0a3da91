/** `apig sign` end to end: the CLI (in-process `run`), a real node:http server on port 0 for --send. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSdkDate, splitRequestTarget, verifySignature } from '../../src/sign/index.js';
import { runCli } from './run-cli.js';

const KEY = 'HPUAEXAMPLEAK0000001';
const SECRET = 'c2VjcmV0LWV4YW1wbGUtc2stMDAwMDAwMDAwMDAwMDAwMQ==';
const ENV = { APIG_KEY: KEY, APIG_SECRET: SECRET };
const DATE = '20240315T083000Z';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: Buffer;
}

let server: Server;
let port = 0;
const seen: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body,
      });
      const { rawPath, rawQuery } = splitRequestTarget(req.url ?? '');
      const r = verifySignature(
        { method: req.method ?? '', rawPath, rawQuery, headers: req.headers, body },
        (k) => (k === KEY ? SECRET : undefined),
        parseSdkDate(DATE) as Date,
      );
      res.writeHead(r.ok ? 200 : 401, { 'content-type': 'application/json', 'x-test': 'yes' });
      res.end(
        JSON.stringify(r.ok ? { ok: true } : { error_msg: r.message, error_code: r.code, request_id: '0'.repeat(32) }),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

const WORKED = [
  '--key',
  '6cc7e0042e1645c4bc954368d3b495a8',
  '--secret',
  'e954368d3b495a86cc7e0042e1645c4bc',
  '--date',
  '20221208T015751Z',
  'http://192.168.0.1:10000/get/',
];

describe('apig sign', () => {
  it('prints the headers to add by default (000 §4.7 worked example)', async () => {
    const r = await runCli(['sign', ...WORKED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'X-Sdk-Date: 20221208T015751Z\nHost: 192.168.0.1:10000\n' +
        'Authorization: SDK-HMAC-SHA256 Access=6cc7e0042e1645c4bc954368d3b495a8, SignedHeaders=host;x-sdk-date, Signature=eb1203499b5689ab6ade27956f319f51fef9cb3046a552082c7205c942d5a0a8\n',
    );
  });

  it('--app takes the key and secret from the workspace (fixtures/demo, secret from ${APP1_SECRET})', async () => {
    const args = [
      'sign',
      '--app',
      'app1',
      '-w',
      'fixtures/demo',
      '--date',
      '20221208T015751Z',
      'http://192.168.0.1:10000/get/',
    ];
    const r = await runCli(args, {
      env: { APP1_SECRET: 'e954368d3b495a86cc7e0042e1645c4bc', APIG_KEY: 'ignored', APIG_SECRET: 'ignored' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Signature=eb1203499b5689ab6ade27956f319f51fef9cb3046a552082c7205c942d5a0a8');
    const unset = await runCli(args, { env: { APP1_SECRET: '' } });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('the secret of app app1 is empty: set APP1_SECRET');
    const unknown = await runCli(['sign', '--app', 'nope', '-w', 'fixtures/demo', 'https://h/']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no app or IAM AK\/SK named nope .*known: app1/);
  });

  it('--debug prints the three blocks and a curl command, never the secret', async () => {
    const r = await runCli(['sign', '--debug', ...WORKED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '-----canonicalRequest-----\nGET\n/get/\n\nhost:192.168.0.1:10000\nx-sdk-date:20221208T015751Z\n\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n',
    );
    expect(r.stdout).toContain(
      '-----stringToSign-----\nSDK-HMAC-SHA256\n20221208T015751Z\n0b868048eee0508670df9513f58143054c79cbfdda0488032023ab17ed81d648\n',
    );
    expect(r.stdout).toContain('-----authorization-----\nSDK-HMAC-SHA256 Access=6cc7e0042e1645c4bc954368d3b495a8');
    expect(r.stdout).toMatch(
      /-----curl-----\ncurl -X GET http:\/\/192\.168\.0\.1:10000\/get\/ -H 'X-Sdk-Date: 20221208T015751Z'/,
    );
    expect(r.stdout).toContain('secret: e95***');
    expect(r.stdout + r.stderr).not.toContain('e954368d3b495a86cc7e0042e1645c4bc');
  });

  it('--json has the documented fields and a masked secret; APIG_KEY/APIG_SECRET are read', async () => {
    const r = await runCli(
      [
        'sign',
        '--json',
        '--date',
        DATE,
        '-H',
        'Content-Type: application/json',
        '-d',
        '{"a":1}',
        'https://apig.example.com/v1/orders',
      ],
      { env: ENV },
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['canonicalRequest', 'stringToSign', 'authorization', 'signedHeaders', 'headers', 'curl']),
    );
    expect(j.signedHeaders).toBe('content-type;host;x-sdk-date');
    expect(j.canonicalRequest).toMatch(/^POST\n\/v1\/orders\/\n/);
    expect(j.secret).toBe('c2V***');
    expect(r.stdout).not.toContain(SECRET);
  });

  it('--signed-headers chooses the signed set; unsigned -H headers are still sent; "_" names warn', async () => {
    const r = await runCli(
      [
        'sign',
        '--json',
        '--date',
        DATE,
        '-H',
        'X-A: 1',
        '-H',
        'X_B: 2',
        '--signed-headers',
        'x-sdk-date;x_b',
        'https://h.example.com/',
      ],
      { env: ENV },
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { signedHeaders: string; headers: Record<string, string> };
    expect(j.signedHeaders).toBe('x-sdk-date;x_b');
    expect(j.headers).toMatchObject({ 'X-A': '1', X_B: '2', Host: 'h.example.com' });
    expect(r.stderr).toMatch(/warning: signed header "x_b" has "_"/);
  });

  it('--send: the bytes received are exactly the bytes signed, and the server-side verifier accepts them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-sign-'));
    const file = join(dir, 'body.bin');
    const body = Buffer.from([0, 1, 0x7f, 0x80, 0xfe, 0xff, 0x0d, 0x0a, 0x20]);
    writeFileSync(file, body);
    const url = `http://127.0.0.1:${port}/v1/my%20file/文件?b=a+b&a=%2F&flag`;
    const r = await runCli(
      [
        'sign',
        '--send',
        '--date',
        DATE,
        '-X',
        'PUT',
        '-H',
        'Content-Type: application/octet-stream',
        '--data-binary',
        `@${file}`,
        url,
      ],
      { env: ENV },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^HTTP 200\n/);
    expect(r.stdout).toContain('x-test: yes\n');
    expect(r.code).toBe(0);
    const got = seen.at(-1) as Received;
    expect(got.method).toBe('PUT');
    expect(got.body.equals(body)).toBe(true);
    expect(got.headers.host).toBe(`127.0.0.1:${port}`);
    expect(got.url).toBe('/v1/my%20file/%E6%96%87%E4%BB%B6?a=%2F&b=a%2Bb&flag=');
    const signed = JSON.parse(
      (
        await runCli(
          [
            'sign',
            '--json',
            '--date',
            DATE,
            '-X',
            'PUT',
            '-H',
            'Content-Type: application/octet-stream',
            '--data-binary',
            `@${file}`,
            url,
          ],
          { env: ENV },
        )
      ).stdout,
    ) as { authorization: string };
    expect(got.headers.authorization).toBe(signed.authorization);
  });

  it('--send with a body from stdin, and --debug writes the trace to stderr', async () => {
    const r = await runCli(
      ['sign', '--send', '--debug', '--date', DATE, '--data-binary', '@-', `http://127.0.0.1:${port}/echo`],
      { env: ENV, input: 'line1\nline2\n' },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^HTTP 200\n/);
    expect(r.stderr).toContain('-----canonicalRequest-----\nPOST\n/echo/\n');
    expect(seen.at(-1)?.body.toString()).toBe('line1\nline2\n');
  });

  it('--send exits 1 when the gateway rejects the request, printing its body', async () => {
    const r = await runCli(
      ['sign', '--send', '--date', DATE, '--secret', 'wrong-secret', `http://127.0.0.1:${port}/x`],
      { env: ENV },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^HTTP 401\n/);
    expect(r.stdout).toContain('verify signature fail, canonicalRequest:GET|/x/|');
    // Issue 15: a refused signature points at --explain.
    expect(r.stderr).toMatch(
      /^hint: the gateway refused the request \(APIG\.03\d\d\); .*--explain @FILE instead of --send$/m,
    );
  });

  it('--explain reads a gateway body from stdin and names the differing line', async () => {
    const sent = await runCli(
      ['sign', '--send', '--date', DATE, '--secret', 'wrong-secret', `http://127.0.0.1:${port}/x`],
      { env: ENV },
    );
    const errorBody = sent.stdout.split('\n\n')[1] ?? '';
    const r = await runCli(['sign', '--explain', '-', '--date', DATE, `http://127.0.0.1:${port}/y`], {
      env: ENV,
      input: errorBody,
    });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('1 canonical-request line differs');
    expect(r.stdout).toMatch(/✗ line 2 +path +gateway: \/x\//);
    expect(r.stdout).toContain('request path must be the same');
    const same = await runCli(['sign', '--explain', '-', '--date', DATE, `http://127.0.0.1:${port}/x`], {
      env: ENV,
      input: errorBody,
    });
    expect(same.stdout).toContain('the canonical requests are identical');
    expect(same.stdout).toContain('AppSecret/SK');
  });

  it('--explain without --date signs again at the date the gateway saw (issue 15)', async () => {
    const sent = await runCli(
      ['sign', '--send', '--date', DATE, '--secret', 'wrong-secret', `http://127.0.0.1:${port}/x`],
      { env: ENV },
    );
    const errorBody = sent.stdout.split('\n\n')[1] ?? '';
    expect(errorBody).toMatch(/x-sdk-date:\d{8}T\d{6}Z/);
    // Today's clock is not the gateway's date: only the path differs, not the date line.
    const r = await runCli(['sign', '--explain', '-', `http://127.0.0.1:${port}/y`], { env: ENV, input: errorBody });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('1 canonical-request line differs');
    expect(r.stdout).toMatch(/✗ line 2 +path +gateway: \/x\//);
  });

  it('--explain shows the clock skew of "signature expired"', async () => {
    const r = await runCli(
      [
        'sign',
        '--explain',
        'Incorrect app authentication information: signature expired, signature time:20230527T000431Z,server time:20230527T020608Z',
        'https://h/',
      ],
      { env: ENV },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('skew +2h01m37s');
  });

  it('--explain reads every documented APIG.0301/0303 shape, the table texts without a detail included', async () => {
    const shapes: Array<[string, RegExp]> = [
      [
        '{"error_msg": "Incorrect app authentication information.", "error_code": "APIG.0303", "request_id": "0"}',
        /^App authentication failed \(APIG\.0303\), and the message gives no detail\n/,
      ],
      [
        'Incorrect IAM authentication information.',
        /^IAM authentication failed \(APIG\.0301\), and the message gives no detail\n/,
      ],
      [
        'Incorrect app authentication information: signature expired',
        /^signature expired \(outside the ±15-minute window\); the gateway did not say/,
      ],
      [
        '{"error_msg": "Incorrect IAM authentication information: verify aksk signature fail, .....", "error_code": "APIG.0301", "request_id": "*****"}',
        /^signature mismatch, but the message carries no canonical request\n/,
      ],
    ];
    for (const [text, summary] of shapes) {
      const r = await runCli(['sign', '--explain', text, 'https://h/'], { env: ENV });
      expect(r.code, text).toBe(0);
      expect(r.stdout, text).toMatch(summary);
    }
  });

  it('--send --json reports a connection failure as JSON (exit 1)', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const r = await runCli(['sign', '--send', '--json', '--date', DATE, `http://127.0.0.1:${deadPort}/x`], {
      env: ENV,
    });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as {
      error: { code: string; message: string };
      secret: string;
      canonicalRequest: string;
    };
    expect(j.error.code).toBe('ECONNREFUSED');
    expect(j.secret).toBe('c2V***');
    expect(j.canonicalRequest).toMatch(/^GET\n\/x\/\n/);
    expect(r.stdout).not.toContain(SECRET);
  });

  it('the other auth modes add their headers and mask credentials', async () => {
    const r = await runCli(['sign', '--appcode', 'abcdefgh12345678', 'https://h/']);
    expect(r.stdout).toBe('X-Apig-AppCode: abc***\n');
    const b = await runCli(['sign', '--basic', '--json', 'https://h/'], { env: ENV });
    expect((JSON.parse(b.stdout) as { headers: Record<string, string> }).headers.Authorization).toBe('Basic SFB***');
    const t = await runCli(['sign', '--send', '--token', 'my-iam-token-value', `http://127.0.0.1:${port}/t`]);
    expect(t.code).toBe(1);
    expect(seen.at(-1)?.headers['x-auth-token']).toBe('my-iam-token-value');
  });

  describe('bad input exits 2 with a clear message', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['invalid URL', ['sign', 'not-a-url'], /invalid URL "not-a-url"/],
      ['unsupported scheme', ['sign', 'ftp://h/x'], /unsupported scheme "ftp"/],
      [
        'malformed header line',
        ['sign', '-H', 'NoColonHere', 'https://h/'],
        /malformed header "NoColonHere": expected "Name: value"/,
      ],
      ['bad header name', ['sign', '-H', 'Bad Name: x', 'https://h/'], /"Bad Name" is not a valid header name/],
      [
        'unreadable file',
        ['sign', '--data-binary', '@/nonexistent/body.json', 'https://h/'],
        /cannot read --data-binary file "\/nonexistent\/body.json" \(no such file\)/,
      ],
      [
        'bad date',
        ['sign', '--date', '2024-03-15T08:30:00Z', 'https://h/'],
        /invalid --date "2024-03-15T08:30:00Z": expected YYYYMMDDTHHMMSSZ/,
      ],
      ['impossible date', ['sign', '--date', '20240230T083000Z', 'https://h/'], /invalid --date "20240230T083000Z"/],
      ['no credentials', ['sign', 'https://h/'], /no key: pass --key, set APIG_KEY, or use --app NAME/],
      [
        'signed header not on the request',
        ['sign', '--signed-headers', 'x-sdk-date;x-missing', 'https://h/'],
        /signed header "x-missing" is not on the request/,
      ],
      ['two modes', ['sign', '--token', 't', '--appcode', 'c', 'https://h/'], /choose one authentication mode/],
      [
        'unrecognised --explain text',
        ['sign', '--explain', 'hello', 'https://h/'],
        /--explain: no canonical request or known APIG authentication error/,
      ],
    ];
    for (const [what, args, message] of cases) {
      it(what, async () => {
        const env = what === 'no credentials' ? { APIG_KEY: '', APIG_SECRET: '' } : ENV;
        const r = await runCli(args, { env });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      });
    }
  });
});
