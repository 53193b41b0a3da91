/**
 * The default health probe: a TCP connect (undici's connector) or an HTTP/HTTPS GET through the dispatcher.
 * `httpCodes` is a list of codes and ranges ("200,202,300-399"); its syntax is not documented (002 §5.7.1)
 * and it defaults to 200 here.
 */
import { buildConnector, type Dispatcher } from 'undici';
import type { HealthCheck } from '../../core/workspace-model.js';
import type { MemberState } from './balancer.js';
import type { Probe } from './health.js';
import { originOf } from './http.js';

export function parseCodes(spec: string | undefined): (status: number) => boolean {
  const parts = (spec ?? '200')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const ranges = parts.map((p) => {
    const [a, b] = p.split('-').map((x) => Number(x.trim()));
    return [a ?? NaN, b ?? a ?? NaN] as const;
  });
  return (status) => ranges.some(([a, b]) => status >= a && status <= b);
}

export function defaultProbe(dispatcher: Dispatcher): Probe {
  const connect = buildConnector({ rejectUnauthorized: false });
  return async (member: MemberState, check: HealthCheck) => {
    const port = check.port ?? member.port;
    const timeout = check.timeout * 1000;
    if (check.protocol === 'TCP') {
      return new Promise((resolve) => {
        connect(
          { hostname: member.host, host: `${member.host}:${port}`, protocol: 'http:', port: String(port) },
          (err, socket) => {
            if (err || !socket)
              resolve({ ok: false, reason: `TCP ${member.host}:${port}: ${err?.message ?? 'no socket'}` });
            else {
              socket.destroy();
              resolve({ ok: true, reason: `TCP ${member.host}:${port} connected` });
            }
          },
        );
      });
    }
    const accept = parseCodes(check.httpCodes);
    const scheme = check.protocol === 'HTTPS' ? 'https' : 'http';
    try {
      const res = await dispatcher.request({
        origin: originOf({ scheme, hostname: member.host, port }),
        path: check.path ?? '/',
        method: 'GET',
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      await res.body.dump();
      return {
        ok: accept(res.statusCode),
        reason: `${check.protocol} GET ${check.path ?? '/'} answered ${res.statusCode}`,
      };
    } catch (err) {
      return {
        ok: false,
        reason: `${check.protocol} GET ${check.path ?? '/'}: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
  };
}
