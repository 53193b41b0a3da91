import type { Rule } from '../types.js';
import type { Backend } from '../../core/model.js';

/** The endpoint of the backend whose timeout (and, but for a function, retry count) this rule checks. */
function endpointOf(b: Backend): { timeout?: number; retryCount?: string } | undefined {
  switch (b.type) {
    case 'HTTP':
      return b.http;
    case 'HTTP-VPC':
      return b.vpc;
    case 'HTTP-VPC-MEMBER-GROUP':
      return b.memberGroup;
    case 'FUNCTION':
      return { ...(b.function.timeout !== undefined ? { timeout: b.function.timeout } : {}) };
    case 'MOCK':
      return undefined;
  }
}

/** retryCount: "-1" (the default: idempotent methods retried once) to "10" (member-group table; retry_count). */
const RETRY_COUNT = /^(-1|[0-9]|10)$/;

export default {
  meta: {
    id: 'backend-timeout',
    category: 'backends',
    description:
      'Backend timeouts are at least 1 ms and at most the instance maximum (backend_timeout, ' +
      '60000 ms unless apig.yaml raises it; 60000 for V1 functions); retry counts are -1 to 10.',
    source:
      'User Guide §3.2, §5.2.1, §8.3.7 (backend_timeout 1–600000 ms); ' +
      'Extension Definitions: x-apigateway-backend.httpEndpoints (1–60000 ms), ' +
      'x-apigateway-backend.httpVpcMemberGroupEndpoints (retryCount -1 to 10); ' +
      "API Reference: Creating an API (timeout up to the instance's backend_timeout, 60000 ms for V1 functions; " +
      'retry_count -1 to 10)',
    rationale:
      'A timeout above the instance maximum is refused; ' +
      'raising `instance.backend_timeout` does not change existing APIs. ' +
      'A retry count is -1 (the default: idempotent methods are retried once, POST and PATCH never) or 0 to 10.',
  },
  create(ctx) {
    const max = ctx.ws.instance.backend_timeout;
    return {
      Backend(b) {
        const endpoint = endpointOf(b.backend);
        const retry = endpoint?.retryCount;
        if (retry !== undefined && !RETRY_COUNT.test(retry))
          ctx.report(
            { group: b.site.group, path: `${b.endpointAt}/retryCount` },
            `retryCount "${retry}" must be a whole number from -1 to 10`,
          );
        const t = endpoint?.timeout;
        if (t === undefined) return;
        const at = (): string => `${b.endpointAt}/timeout`;
        const cap =
          b.backend.type === 'FUNCTION' && (b.backend.function.networkType ?? 'V1') === 'V1'
            ? Math.min(60000, max)
            : max;
        if (t < 1) ctx.report({ group: b.site.group, path: at() }, `backend timeout ${t} ms must be at least 1 ms`);
        else if (t > cap)
          ctx.report(
            { group: b.site.group, path: at() },
            `backend timeout ${t} ms is above the maximum of ${cap} ms` +
              `${cap === max ? ' (instance backend_timeout)' : ' for V1 functions'}`,
          );
      },
    };
  },
} satisfies Rule;
