/** The start-up fidelity table: configured features with their status; --strict refuses the ignored ones. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../../src/workspace/load.js';
import { FIDELITY_FEATURES, fidelityReport, ignoredFeatures } from '../../../src/gateway/compile/fidelity.js';

describe('fidelity report', () => {
  it('the demo: APP auth, CORS and throttling are emulated, as are routing and backends', async () => {
    const { workspace } = await loadWorkspace('fixtures/demo', { cwd: process.cwd(), env: {} });
    if (!workspace) throw new Error('no workspace');
    const rows = fidelityReport(workspace, { protocolCheck: false });
    const by = Object.fromEntries(rows.map((r) => [r.feature, r]));
    expect(by['APP authentication']).toMatchObject({ status: 'emulated', where: ['demo/getUser'] });
    expect(by.CORS).toMatchObject({ status: 'emulated', where: ['demo/hello'] });
    expect(by['throttling policy']?.status).toBe('emulated');
    expect(by['HTTP/HTTPS backend']?.status).toBe('emulated');
    expect(ignoredFeatures(rows)).toEqual([]);
  });

  it('HTTPS-only APIs are partial without TLS or --strict, emulated with them (ruling 11)', async () => {
    const { workspace } = await loadWorkspace('fixtures/serve/groups', { cwd: process.cwd(), env: {} });
    if (!workspace) throw new Error('no workspace');
    const row = (check: boolean) =>
      fidelityReport(workspace, { protocolCheck: check }).find((r) => r.feature === 'HTTPS-only request protocol');
    expect(row(false)).toMatchObject({ status: 'partial', where: ['DEFAULT/ping'] });
    expect(row(true)?.status).toBe('emulated');
  });

  it('docs/fidelity.md lists every feature the start-up table can name', () => {
    const doc = readFileSync('docs/fidelity.md', 'utf8');
    for (const feature of FIDELITY_FEATURES) expect(doc, feature).toContain(`| ${feature} |`);
  });
});
