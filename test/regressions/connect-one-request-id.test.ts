/**
 * Regression (gateway property test review): a CONNECT was run through the pipeline with one context and
 * answered from a second one, so the answer and the log carried a request id the pipeline never saw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, raw, startGateway, statusOf, type InProcess } from '../e2e/serve-helpers.js';

describe('CONNECT', () => {
  let gw: InProcess;
  const issued: string[] = [];
  beforeAll(async () => {
    let n = 0;
    gw = await startGateway('fixtures/serve/groups', undefined, {
      ids: () => {
        const id = `id${++n}`.padEnd(32, '0');
        issued.push(id);
        return id;
      },
    });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('is answered under the id of the one request the pipeline ran', async () => {
    const text = await raw(gw.port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect(statusOf(text)).toBe(400);
    expect(issued).toEqual([String(bodyOf(text).request_id)]);
  });
});
