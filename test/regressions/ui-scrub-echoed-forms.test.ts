/**
 * Regression (issue 18, `apig serve --ui`): the dashboard's last filter masked a secret only as it stands in a
 * JSON string, so a backend that echoed it in another form got it to the page in full: PHP's JSON (which writes
 * `/` as `\/`, and AppCodes and Basic credentials are base64 with `/` and `+`), or a URL it echoed back
 * (percent-encoded). Right: those forms are masked too.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../e2e/run-cli.js';
import { call } from '../e2e/serve-helpers.js';
import { openPage, startUi, uiGet } from '../e2e/ui-kit.js';

const CODE = 'app1/appcode+s3cr3t/value==';

/** Echoes the request's URL and headers as PHP's json_encode writes them. */
function phpEcho(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ url: req.url, headers: req.headers }).replace(/\//g, '\\/'));
}

it('a secret echoed with escaped slashes or percent-encoded is masked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'apig-ui-forms-'));
  cpSync(join(ROOT, 'fixtures/ui'), dir, { recursive: true });
  const ws = join(dir, 'apig.yaml');
  writeFileSync(ws, readFileSync(ws, 'utf8').replace('app1-appcode-s3cr3t-value', `"${CODE}"`));
  const g = await startUi({ path: ws, backend: phpEcho });
  const page = await openPage(g.url);
  try {
    const r = await call(`${g.url}/echo?note=${encodeURIComponent(CODE)}`, {
      method: 'POST',
      headers: { 'x-note': CODE },
      body: '{}',
    });
    expect(r.text).toContain('app1\\/appcode'); // the client gets the echo as it is
    const text = (await uiGet(g.url, '/_apig/ui/api/requests/1')).text;
    const body = JSON.parse(text).response.body as string;
    expect(body).toContain('x-note');
    expect(body.replace(/\\\//g, '/')).not.toContain(CODE);
    expect(body).not.toContain(encodeURIComponent(CODE));
    expect(text).not.toContain(encodeURIComponent(CODE));
  } finally {
    page.close();
    await g.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
