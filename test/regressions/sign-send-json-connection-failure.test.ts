/**
 * Regression (UX review): `apig sign --send --json` reported a failure to connect as plain text on stderr, so a
 * script reading stdout got nothing to parse. With --json every outcome is one JSON document on stdout: the
 * signing fields plus `error: {code, message}` (exit 1 as before), secrets masked. Input errors, too, are a JSON
 * document (`error.code` "usage", "input"…), with the one-line message on stderr and exit 2 as before.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sendFailure } from '../../src/cli/commands/sign-send.js';
import { runCli } from '../e2e/run-cli.js';

const KEY = 'HPUAEXAMPLEAK0000001';
const SECRET = 'c2VjcmV0LWV4YW1wbGUtc2stMDAwMDAwMDAwMDAwMDAwMQ==';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('apig sign --send --json when the request cannot be sent', () => {
  it('prints one JSON document with the error and the signing fields, and exits 1', async () => {
    const port = await closedPort();
    const r = await runCli(
      ['sign', '--send', '--json', '--date', '20240315T083000Z', `http://127.0.0.1:${port}/v1/orders`],
      { env: { APIG_KEY: KEY, APIG_SECRET: SECRET } },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j.error).toEqual({ code: 'ECONNREFUSED', message: `connect ECONNREFUSED 127.0.0.1:${port}` });
    expect(j).toMatchObject({ signedHeaders: 'host;x-sdk-date', key: KEY, secret: 'c2V***' });
    expect(j.authorization).toMatch(/^SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, /);
    expect(j).not.toHaveProperty('response');
    expect(r.stdout).not.toContain(SECRET);
  });

  it('masks credentials in the other auth modes too', async () => {
    const port = await closedPort();
    const token = 'my-iam-token-value-0123456789';
    const r = await runCli(['sign', '--send', '--json', '--token', token, `http://127.0.0.1:${port}/t`]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { error: { code: string }; headers: Record<string, string> };
    expect(j.error.code).toBe('ECONNREFUSED');
    expect(j.headers['X-Auth-Token']).toBe('my-***');
    expect(r.stdout).not.toContain(token);
  });

  it('without --json the failure stays a one-line message on stderr', async () => {
    const port = await closedPort();
    const r = await runCli(['sign', '--send', `http://127.0.0.1:${port}/x`], {
      env: { APIG_KEY: KEY, APIG_SECRET: SECRET },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`apig: request to http://127.0.0.1:${port} failed: connect ECONNREFUSED 127.0.0.1:${port}\n`);
  });

  it('an input error with --json is a JSON document too, exit 2', async () => {
    const r = await runCli(['sign', '--send', '--json', 'not-a-url'], { env: { APIG_KEY: KEY, APIG_SECRET: SECRET } });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'input', message: expect.stringMatching(/^invalid URL "not-a-url"/) as unknown },
    });
    expect(r.stderr).toMatch(/^apig: invalid URL "not-a-url"/);
  });
});

describe('sendFailure', () => {
  it('takes the code and message of an empty AggregateError from its inner errors (a refused dual-stack connect)', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED ::1:9'), { code: 'ECONNREFUSED' });
    const inner2 = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(sendFailure(new AggregateError([inner, inner2], ''), [])).toEqual({
      code: 'ECONNREFUSED',
      message: 'connect ECONNREFUSED ::1:9; connect ECONNREFUSED 127.0.0.1:9',
    });
  });

  it('masks any credential quoted in the message', () => {
    const err = Object.assign(new Error(`invalid header value "${SECRET}"`), { code: 'UND_ERR_INVALID_ARG' });
    expect(sendFailure(err, [SECRET])).toEqual({
      code: 'UND_ERR_INVALID_ARG',
      message: 'invalid header value "c2V***"',
    });
  });
});
