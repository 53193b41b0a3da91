import { describe, expect, it } from 'vitest';
import { LOG_CAPACITY, RequestLog } from '../../../src/gateway/ui/request-log.js';

describe('the dashboard request log', () => {
  it('keeps 1,000 by default', () => {
    expect(new RequestLog().capacity).toBe(LOG_CAPACITY);
    expect(LOG_CAPACITY).toBe(1000);
  });

  it('is a ring: the oldest goes when full; listed newest first; found by seq', () => {
    const log = new RequestLog<{ seq: number }>(3);
    for (let seq = 1; seq <= 5; seq++) log.add({ seq });
    expect(log.size).toBe(3);
    expect(log.list().map((e) => e.seq)).toEqual([5, 4, 3]);
    expect(log.find(3)).toEqual({ seq: 3 });
    expect(log.find(2)).toBeUndefined();
  });

  it('tells subscribers of each entry added until they stop', () => {
    const log = new RequestLog<{ seq: number }>(2);
    const seen: number[] = [];
    const stop = log.subscribe((e) => seen.push(e.seq));
    log.add({ seq: 1 });
    expect(log.subscribers).toBe(1);
    stop();
    log.add({ seq: 2 });
    expect(seen).toEqual([1]);
    expect(log.subscribers).toBe(0);
  });
});
