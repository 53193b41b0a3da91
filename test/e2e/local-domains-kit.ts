/**
 * The workspace of issue 15's "several groups" report, built as a new user builds it: `apig init` (group `shop`,
 * Mock template), then the user guide's Mock example imported twice, once into the group its `info.title` names
 * (`APIGroup_docs`) and once into `orders_V2`. Three groups, none named DEFAULT, none binding a domain.
 * And a request by raw socket with any Host, since Node's HTTP clients may not resolve `*.localhost`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { raw } from './serve-helpers.js';
import { ROOT, runCli } from './run-cli.js';

export const MOCK_EXAMPLE = join(ROOT, 'fixtures/huawei-docs/backend.mockEndpoints.yaml');

export interface ThreeGroups {
  dir: string;
  remove(): void;
}

export async function initWithImports(): Promise<ThreeGroups> {
  const base = mkdtempSync(join(tmpdir(), 'apig-local-domains-'));
  const dir = join(base, 'shop');
  const steps = [
    ['init', dir, '--template', 'mock', '--group', 'shop', '--yes'],
    ['import', MOCK_EXAMPLE, '-w', dir],
    ['import', MOCK_EXAMPLE, '-w', dir, '--group', 'orders_V2'],
  ];
  for (const argv of steps) {
    const r = await runCli(argv, { cwd: base });
    if (r.code !== 0) throw new Error(`apig ${argv.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  }
  return { dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}

export interface RawReply {
  status: number;
  body: string;
  /** The group the gateway chose, from the trace it sends back. */
  group: string | undefined;
}

/** GET `path` on the gateway at `port` with `Host: host` (what curl sends for `http://host/path`). */
export async function getWithHost(port: number, host: string, path: string): Promise<RawReply> {
  const text = await raw(
    port,
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nX-Auth-Token: t\r\nX-Apig-Emulator-Trace: 1\r\nConnection: close\r\n\r\n`,
  );
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  const trace = /^x-apig-emulator-trace: (.*)$/im.exec(text)?.[1];
  const steps = trace ? (JSON.parse(trace) as Array<{ stage: string; decision: string }>) : [];
  return {
    status,
    body: text.slice(text.indexOf('\r\n\r\n') + 4),
    group: steps.find((s) => s.stage === 'group')?.decision,
  };
}
