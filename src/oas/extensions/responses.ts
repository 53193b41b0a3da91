/**
 * x-apigateway-responses (x-apigateway.md §18): response name → error type → {status, body, headers}.
 * Swagger 2.0 placement is not documented; ruling 10 accepts the root and `components` (OpenAPI 3.0).
 */
import type { GatewayResponseEntry, GatewayResponseSet } from '../../core/model.js';
import { below, int, isRecord, record, report, setOwn, str, type Codec } from '../codec.js';
import { object, opt } from '../object-codec.js';

export const responseEntry = object<GatewayResponseEntry>(
  {
    status: opt('status', int),
    body: opt('body', record(str)),
    headers: opt('headers', record(str)),
  },
  { name: 'gateway response entry' },
);

/** One named response set: its entries are the error types. */
export const responseSet: Codec<Omit<GatewayResponseSet, 'name'>> = {
  decode(raw, at, ctx) {
    if (!isRecord(raw)) return report(ctx, at, 'gateway response must be an object of error types');
    const entries: Record<string, GatewayResponseEntry> = {};
    let ok = true;
    for (const [type, v] of Object.entries(raw)) {
      const e = responseEntry.decode(v, below(at, type), ctx);
      if (e) setOwn(entries, type, e);
      else ok = false;
    }
    return ok ? { entries, kept: { order: Object.keys(raw) } } : undefined;
  },
  encode: (v) => Object.fromEntries(Object.entries(v.entries).map(([k, e]) => [k, responseEntry.encode(e)])),
};
