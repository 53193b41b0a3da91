/**
 * Regression (UX review): a bare `signature expired` body, without `, signature time:…,server time:…`, was
 * rejected by `apig sign --explain` as unreadable (exit 2). It is read now: the signature was outside the
 * ±15-minute window, the gateway did not say the times, and apig shows the X-Sdk-Date it signed and the local
 * clock so that the user can judge the skew.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';

const ENV = { APIG_KEY: 'HPUAEXAMPLEAK0000001', APIG_SECRET: 'c2VjcmV0LWV4YW1wbGUtc2stMDAwMDAwMDAwMDAwMDAwMQ==' };
const BODY =
  '{"error_msg":"Incorrect app authentication information: signature expired","error_code":"APIG.0303","request_id":"fd6530a01c09807640189e65e837b8ad"}';
const NOW = /local clock now (\d{8}T\d{6}Z)/;

describe('--explain with a bare "signature expired"', () => {
  it('exits 0 and shows the X-Sdk-Date signed and the local clock', async () => {
    const r = await runCli(
      ['sign', '--explain', BODY, '--date', '20240315T083000Z', 'https://apig.example.com/v1/orders'],
      { env: ENV },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'signature expired (outside the ±15-minute window); the gateway did not say the signature time or its own time',
    );
    expect(r.stdout).toMatch(
      /apig signed X-Sdk-Date 20240315T083000Z; local clock now \d{8}T\d{6}Z \(local clock − X-Sdk-Date: \+\d/,
    );
    const now = NOW.exec(r.stdout)?.[1] ?? '';
    expect(
      Math.abs(
        Date.parse(
          `${now.slice(0, 4)}-${now.slice(4, 6)}-${now.slice(6, 11)}:${now.slice(11, 13)}:${now.slice(13, 15)}Z`,
        ) - Date.now(),
      ),
    ).toBeLessThan(60_000);
  });

  it('--json carries the local clock, and the error_msg alone is read too', async () => {
    const r = await runCli(['sign', '--json', '--explain', '-', 'https://apig.example.com/v1/orders'], {
      env: ENV,
      input: 'Incorrect app authentication information: signature expired',
    });
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as {
      kind: string;
      local: { signatureTime: string; now: string; offsetMs: number };
      skew?: unknown;
    };
    expect(e.kind).toBe('expired');
    expect(e.skew).toBeUndefined();
    expect(e.local.signatureTime).toMatch(/^\d{8}T\d{6}Z$/);
    expect(Math.abs(e.local.offsetMs)).toBeLessThan(60_000); // no --date: apig signed with the local clock
  });
});
