/**
 * Regression (issue 18, `apig serve --ui`): a page whose event stream had stopped reading (a frozen tab, a
 * client that never reads) stayed counted as an open page for good: the gateway went on tracing and keeping every
 * request in full for it, and simply stopped writing it events, so a page that caught up again showed a list with
 * holes in it. Right: once a megabyte of events waits for it, its stream is closed (the page reconnects and
 * loads the list afresh), and with no other page open the gateway stops tracing.
 */
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { call } from '../e2e/serve-helpers.js';
import { startUi } from '../e2e/ui-kit.js';

it('a page that never reads its events is let go', async () => {
  const g = await startUi();
  const socket = connect(g.port, '127.0.0.1');
  let closed = false;
  socket.on('close', () => {
    closed = true;
  });
  socket.on('error', () => undefined);
  try {
    const opened = new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.write(`GET /_apig/ui/api/events HTTP/1.1\r\nHost: 127.0.0.1:${g.port}\r\n\r\n`);
    await opened;
    socket.pause(); // reads nothing more: the kernel's buffers fill, then the gateway's
    expect(g.launched.gateway.traceAll).toBe(true);
    const long = `/x${'a'.repeat(8000)}`;
    for (let i = 0; i < 5_000 && g.launched.gateway.traceAll; i++) await call(`${g.url}${long}`);
    expect(g.launched.gateway.traceAll).toBe(false);
    socket.resume();
    await expect.poll(() => closed).toBe(true);
  } finally {
    socket.destroy();
    await g.close();
  }
}, 120_000);
