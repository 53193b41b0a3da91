/**
 * The dashboard's server side (`apig serve --ui`), through real sockets on port 0: local-only by default, the
 * DNS-rebinding and cross-site guards, no secret of the workspace in any answer, the 1,000-request ring, the
 * event stream, the rejected edit under --watch, the CLI's refusals, and nothing at all when --ui is off.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../regressions/in-process-cli.js';
import { ROOT } from './run-cli.js';
import { call, spawnServe, startGateway, until } from './serve-helpers.js';
import {
  FIXTURE_SECRETS,
  leakedSecrets,
  openPage,
  startUi,
  UI_FIXTURE,
  uiGet,
  uiPost,
  type UiGateway,
} from './ui-kit.js';

/** An address of this machine other than loopback: a client connecting to it is not loopback. */
function outsideAddress(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') return a.address;
  throw new Error('this machine has no non-loopback IPv4 address to test the local-only refusal from');
}

describe('who may use the dashboard', () => {
  it('refuses a client that is not on this machine, unless --ui-host allows it', async () => {
    const outside = outsideAddress();
    const closed = await startUi({ host: '0.0.0.0' });
    const open = await startUi({ host: '0.0.0.0', hosts: [`${outside}/32`] });
    try {
      const refused = await uiGet(`http://${outside}:${closed.port}`, '/_apig/ui/api/routes');
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).error).toContain(`${outside} is not loopback`);
      expect(JSON.parse(refused.text).error).toContain('--ui-host');
      expect((await uiGet(`http://${outside}:${open.port}`, '/_apig/ui/api/routes')).status).toBe(200);
      // The loopback client is always served; the gateway's own APIs are not the dashboard's concern.
      expect((await uiGet(closed.url, '/_apig/ui/api/routes')).status).toBe(200);
      expect((await call(`http://${outside}:${closed.port}/hello`)).status).toBe(200);
    } finally {
      await closed.close();
      await open.close();
    }
  });

  describe('on this machine', () => {
    let g: UiGateway;
    beforeAll(async () => {
      g = await startUi({ clock: Date.parse('2026-01-01T00:00:00Z') });
    });
    afterAll(() => g.close());

    it('answers only requests for localhost or an IP address (DNS rebinding)', async () => {
      const r = await uiGet(g.url, '/_apig/ui/api/config', { host: `evil.example:${g.port}` });
      expect(r.status).toBe(403);
      expect(r.text).toContain('not for evil.example');
      expect((await uiGet(g.url, '/_apig/ui/api/config', { host: `localhost:${g.port}` })).status).toBe(200);
    });

    it('takes actions only as JSON from its own origin', async () => {
      const form = await request(`${g.url}/_apig/ui/api/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'advance=60s',
      });
      expect(form.statusCode).toBe(403);
      await form.body.dump();
      const cross = await uiPost(g.url, '/_apig/ui/api/clock', { advance: '1s' }, { origin: 'http://evil.example' });
      expect(cross.status).toBe(403);
      const own = await uiPost(g.url, '/_apig/ui/api/clock', { advance: '1s' }, { origin: g.url });
      expect(own.status).toBe(200);
      expect(JSON.parse(own.text).now).toBe('2026-01-01T00:00:01.000Z');
    });

    it('serves the page with a policy that allows nothing from elsewhere', async () => {
      const page = await uiGet(g.url, '/_apig/ui/');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
      expect(page.text).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
      for (const file of ['app.js', 'app.css']) {
        const r = await uiGet(g.url, `/_apig/ui/${file}`);
        expect(r.status).toBe(200);
        expect(r.text).not.toContain('://');
      }
      expect((await uiGet(g.url, '/_apig/ui')).status).toBe(308);
      expect((await uiGet(g.url, '/_apig/ui/nothing')).status).toBe(404);
    });
  });
});

describe('no secret reaches the page', () => {
  it('masks credentials and scrubs every secret of the workspace from every answer and event', async () => {
    const g = await startUi({ clock: Date.parse('2026-01-01T00:00:00Z') });
    const events = await request(`${g.url}/_apig/ui/api/events`);
    let stream = '';
    events.body.on('data', (c: Buffer) => {
      stream += c.toString('utf8');
    });
    try {
      const host = `shop.localhost:${g.port}`;
      const signed = await uiPost(g.url, '/_apig/ui/api/try', {
        method: 'GET',
        url: `http://${host}/orders/1`,
        auth: 'signature',
        app: 'app1',
      });
      expect(JSON.parse(signed.text).status).toBe(200);
      const code = await uiPost(g.url, '/_apig/ui/api/try', {
        method: 'GET',
        url: `http://${host}/orders/2`,
        auth: 'appcode',
        app: 'app1',
      });
      expect(JSON.parse(code.text).sent.headers).toContainEqual(['X-Apig-AppCode', 'app***']);
      // The backend call is signed with the Basic signature key; the echo backend sends its request back.
      const echo = await uiPost(g.url, '/_apig/ui/api/try', {
        method: 'POST',
        url: `http://${host}/echo`,
        headers: [['x-note', FIXTURE_SECRETS[0] as string]],
        body: `{"secret": "${FIXTURE_SECRETS[1]}"}`,
      });
      expect(JSON.parse(echo.text).status).toBe(200);
      expect(g.backend.seen.at(-1)?.headers.authorization).toBe(`Basic ${FIXTURE_SECRETS[3]}`);
      // A client that sends secrets itself: in a header, in the query, in the body.
      await call(`${g.url}/orders/3?appcode=${FIXTURE_SECRETS[1]}&x=${FIXTURE_SECRETS[0]}`, {
        headers: { 'x-apig-appcode': FIXTURE_SECRETS[1] as string, authorization: `Basic ${FIXTURE_SECRETS[3]}` },
      });
      const answers: string[] = [];
      for (const path of ['routes', 'requests', 'throttling', 'config']) {
        const r = await uiGet(g.url, `/_apig/ui/api/${path}`);
        expect(r.status).toBe(200);
        answers.push(r.text);
      }
      const list = JSON.parse(answers[1] as string) as { requests: Array<{ seq: number }> };
      expect(list.requests).toHaveLength(4);
      for (const { seq } of list.requests) answers.push((await uiGet(g.url, `/_apig/ui/api/requests/${seq}`)).text);
      const echoed = JSON.parse(answers.at(-3) as string);
      expect(echoed.backend.headers).toContainEqual(['authorization', 'Basic Z3c***']);
      answers.push(signed.text, code.text, echo.text, stream);
      expect(stream).toContain('event: request');
      for (const text of answers) expect(leakedSecrets(text)).toEqual([]);
    } finally {
      events.body.destroy();
      await g.close();
    }
  });
});

describe('the request log', () => {
  it('keeps the last 1,000 requests, newest first', async () => {
    const g = await startUi();
    const page = await openPage(g.url);
    try {
      for (let i = 0; i < 1005; i++) await call(`${g.url}/hello?i=${i}`);
      const { requests } = JSON.parse((await uiGet(g.url, '/_apig/ui/api/requests')).text) as {
        requests: Array<{ seq: number }>;
      };
      expect(requests).toHaveLength(1000);
      expect(requests[0]?.seq).toBe(1005);
      expect(requests.at(-1)?.seq).toBe(6);
      expect((await uiGet(g.url, '/_apig/ui/api/requests/5')).status).toBe(404);
      const last = JSON.parse((await uiGet(g.url, '/_apig/ui/api/requests/1005')).text);
      expect(last.received.target).toBe('/hello?i=1004');
      expect(last.trace.map((t: { stage: string }) => t.stage)).toContain('route');
    } finally {
      page.close();
      await g.close();
    }
  });

  it("with no page open, traces nothing and keeps only each request's log line", async () => {
    const g = await startUi();
    const gw = g.launched.gateway;
    try {
      expect(gw.traceAll).toBe(false);
      await call(`${g.url}/hello?before=1`);
      const before = JSON.parse((await uiGet(g.url, '/_apig/ui/api/requests/1')).text);
      expect(before).toMatchObject({ method: 'GET', path: '/hello', status: 200, api: 'hello', trace: [] });
      expect(before.response.bodyNote).toContain('no dashboard page was open');
      const page = await openPage(g.url);
      expect(gw.traceAll).toBe(true);
      await call(`${g.url}/hello?during=1`);
      const during = JSON.parse((await uiGet(g.url, '/_apig/ui/api/requests/2')).text);
      expect(during.received.target).toBe('/hello?during=1');
      expect(during.trace.length).toBeGreaterThan(5);
      // The host asked for no trace: its log lines carry none, though the dashboard's entries do.
      expect(g.events.filter((e) => e.type === 'request').every((e) => e.type === 'request' && !e.trace)).toBe(true);
      page.close();
      for (let i = 0; i < 200 && gw.traceAll; i++) await new Promise((r) => setTimeout(r, 10));
      expect(gw.traceAll).toBe(false);
    } finally {
      await g.close();
    }
  });

  it('streams each request to open pages as it ends (Server-Sent Events)', async () => {
    const g = await startUi();
    try {
      const events = await request(`${g.url}/_apig/ui/api/events`);
      expect(events.headers['content-type']).toContain('text/event-stream');
      let text = '';
      const seen = new Promise<string>((resolve) => {
        events.body.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (text.includes('"/hello"')) resolve(text);
        });
      });
      // The stream is open once its first line is in (`retry:`), then the request goes.
      await new Promise<void>((resolve) => events.body.once('data', () => resolve()));
      await call(`${g.url}/hello`);
      const got = await seen;
      const block = got.split('\n\n').find((b) => b.includes('"/hello"')) ?? '';
      expect(block).toMatch(/^event: request\ndata: \{/);
      expect(JSON.parse(block.slice(block.indexOf('data: ') + 6))).toMatchObject({
        method: 'GET',
        path: '/hello',
        status: 200,
        api: 'hello',
      });
      events.body.destroy();
    } finally {
      await g.close();
    }
  });
});

describe('Config under --watch', () => {
  it('shows the diagnostics of a rejected edit, and the last good configuration keeps serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-ui-watch-'));
    cpSync(join(ROOT, 'fixtures/ui'), dir, { recursive: true });
    const g = await startUi({ path: join(dir, 'apig.yaml'), watch: true });
    try {
      const spec = join(dir, 'shop.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('type: MOCK', 'type: NOT-A-TYPE'));
      await g.launched.reload();
      const config = JSON.parse((await uiGet(g.url, '/_apig/ui/api/config')).text);
      expect(config.watch).toBe(true);
      expect(config.reload.ok).toBe(false);
      expect(config.reload.diagnostics.length).toBeGreaterThan(0);
      expect(config.reload.diagnostics.some((d: { at: string }) => /shop\.yaml:\d+:\d+$/.test(d.at))).toBe(true);
      expect((await call(`${g.url}/hello`)).status).toBe(200);
    } finally {
      await g.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('without --ui', () => {
  it('the gateway does nothing for the dashboard: /_apig/ui is routed like any path', async () => {
    const g = await startGateway(UI_FIXTURE);
    try {
      expect(g.launched.gateway.ui).toBeUndefined();
      expect(g.launched.gateway.traceAll).toBe(false);
      const r = await call(`${g.url}/_apig/ui/api/routes`);
      expect(r.status).toBe(404);
      expect(r.json().error_code).toBe('APIG.0101');
    } finally {
      await g.close();
    }
  });
});

describe('apig serve --ui on the command line', () => {
  it('refuses --ui with --workers, and --ui-host without --ui or with a bad address (exit 2)', async () => {
    const workers = await runInProcess(['serve', UI_FIXTURE, '--ui', '--workers', '2', '--port', '0'], ROOT);
    expect(workers.code).toBe(2);
    expect(workers.stderr).toContain('--ui cannot be used with --workers');
    const alone = await runInProcess(['serve', UI_FIXTURE, '--ui-host', '10.0.0.0/8', '--port', '0'], ROOT);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--ui-host goes with --ui');
    const bad = await runInProcess(['serve', UI_FIXTURE, '--ui', '--ui-host', 'example.com', '--port', '0'], ROOT);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"example.com"');
  });

  it('prints where the dashboard is, and serves it', async () => {
    const s = await spawnServe([UI_FIXTURE, '--port', '0', '--ui']);
    try {
      await until(s.stdout, (t) => t.includes(`dashboard on ${s.url}/_apig/ui/`), 'the dashboard line');
      const page = await uiGet(s.url, '/_apig/ui/');
      expect(page.status).toBe(200);
      // The request log prints no trace without --trace, though the dashboard collects them.
      await call(`${s.url}/hello`);
      const routes = await uiGet(s.url, '/_apig/ui/api/requests');
      expect(JSON.parse(routes.text).requests).toHaveLength(1);
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    expect(s.stderr()).toContain('GET /hello');
    expect(s.stderr()).not.toContain('restrictions:');
  });
});
