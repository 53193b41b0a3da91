/**
 * Regression (issue 18, `apig serve --ui --watch`): the dashboard's last filter masked the secrets of the
 * configuration serving now only, so after an edit that changed an AppSecret the requests kept from before it
 * showed the old secret in full (echoed back by a backend, or sent by a client). Right: every secret of every
 * configuration served since start stays masked in every answer.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../e2e/run-cli.js';
import { call } from '../e2e/serve-helpers.js';
import { FIXTURE_SECRETS, openPage, startUi, uiGet } from '../e2e/ui-kit.js';

it('a secret changed by a reload stays masked in the requests kept before it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'apig-ui-rotate-'));
  cpSync(join(ROOT, 'fixtures/ui'), dir, { recursive: true });
  const g = await startUi({ path: join(dir, 'apig.yaml'), watch: true });
  const page = await openPage(g.url);
  const old = FIXTURE_SECRETS[0] as string;
  try {
    const r = await call(`${g.url}/echo`, { method: 'POST', headers: { 'x-note': old }, body: `{"s":"${old}"}` });
    expect(r.status).toBe(200);
    const ws = join(dir, 'apig.yaml');
    writeFileSync(ws, readFileSync(ws, 'utf8').replace(old, 'app1-secret-rotated-value'));
    await g.launched.reload();
    // A second edit: the first secret stays masked.
    writeFileSync(ws, readFileSync(ws, 'utf8').replace('app1-secret-rotated-value', 'app1-secret-third-value'));
    await g.launched.reload();
    const config = JSON.parse((await uiGet(g.url, '/_apig/ui/api/config')).text);
    expect(config.reload.ok).toBe(true);
    const list = (await uiGet(g.url, '/_apig/ui/api/requests')).text;
    const entry = (await uiGet(g.url, '/_apig/ui/api/requests/1')).text;
    expect(JSON.parse(entry).received.headers).toContainEqual(['x-note', 'app***']);
    for (const text of [list, entry, page.text()]) expect(text).not.toContain(old);
  } finally {
    page.close();
    await g.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
