/**
 * Regression (issue 18, `apig serve --ui`, Try it): the dashboard read the whole answer of a Try it request into
 * memory and then showed its first 16 KB, so a route whose backend answered a large (or endless) body made the
 * gateway buffer all of it, and an endless one never answered the page at all. Right: Try it reads the first
 * 16 KB, stops reading (the rest is never fetched from the backend) and says that the body was cut.
 */
import type { ServerResponse } from 'node:http';
import { expect, it } from 'vitest';
import { startUi, uiPost } from '../e2e/ui-kit.js';

const TOTAL = 256 * 1024 * 1024;

it('Try it keeps the first 16 KB of a huge answer and reads no more', async () => {
  let written = 0;
  let closedAt = -1;
  let gone: () => void = () => undefined;
  const backendGone = new Promise<void>((r) => {
    gone = r;
  });
  const g = await startUi({
    backend: (_req, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let closed = false;
      res.on('close', () => {
        closed = true;
        closedAt = written;
        gone();
      });
      const pump = (): void => {
        while (!closed && written < TOTAL) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!closed) res.end();
      };
      pump();
    },
  });
  try {
    const r = await uiPost(g.url, '/_apig/ui/api/try', {
      method: 'POST',
      url: `http://shop.localhost:${g.port}/echo`,
      body: '{}',
    });
    expect(r.status).toBe(200);
    const out = JSON.parse(r.text) as { status: number; body: string; bodyNote?: string };
    expect(out.status).toBe(200);
    expect(out.body).toBe('a'.repeat(16 * 1024));
    await backendGone;
    // What sockets and pipes held when the reading stopped: far from the whole body.
    expect(closedAt).toBeLessThan(TOTAL / 8);
    expect(out.bodyNote).toContain('the rest was not read');
  } finally {
    await g.close();
  }
}, 60_000);
