import type { Rule } from '../types.js';
import { isRecord } from '../../oas/codec.js';
import { leftOutOperations } from '../left-out.js';

/** How many names a finding lists before "...". */
const SHOWN = 5;

/**
 * A document-level `security` (Swagger 2.0 and OpenAPI 3.0 root): Huawei documents `security` on the operation
 * only (x-apigateway.md §1, "How an operation selects auth": omit it for no authentication), and apig serve reads
 * the operation's only. An operation that relies on the root's is imported, and served, without authentication.
 */
export default {
  meta: {
    id: 'document-security',
    category: 'auth',
    description:
      "The document's root `security` is not read by the gateway's import: " +
      'operations without their own `security` are imported without authentication.',
    source:
      'Extension Definitions: x-apigateway-auth-type (an operation selects its authentication with its own ' +
      '`security`; without one it has none); API Reference (v1.0): Importing APIs (`security` of the operation)',
    rationale:
      'In Swagger 2.0 and OpenAPI 3.0 a root `security` applies to every operation that has none of its own, ' +
      "but the gateway's documented import reads `security` on the operation only: an operation without its own " +
      'is an API without authentication (apig serve serves it so), whatever the root says. Put `security` on ' +
      'each operation (`security: []` for an API meant to be public) and remove the root one.',
  },
  create(ctx) {
    return {
      Group(group) {
        const raw = isRecord(group.raw) ? group.raw : {};
        const root = raw.security;
        // None, or only `{}` (no authentication): what the gateway gives an operation without its own anyway.
        if (!Array.isArray(root) || root.every((r) => isRecord(r) && Object.keys(r).length === 0)) return;
        const names = group.model.apis.filter((a) => a.security === undefined).map((a) => a.name);
        for (const { path, key, op } of leftOutOperations(group))
          if (op.security === undefined)
            names.push(typeof op.operationId === 'string' ? op.operationId : `${key.toUpperCase()} ${path}`);
        const which =
          names.length === 0
            ? 'every operation has its own, so it changes nothing here; remove it (an operation added later ' +
              'without its own would have no authentication)'
            : `${names.length} operation(s) without their own (${names.slice(0, SHOWN).join(', ')}` +
              `${names.length > SHOWN ? ', ...' : ''}) are imported without authentication; put security on ` +
              'each operation';
        ctx.report(
          { group, path: '/security' },
          "the document's security is not read by the gateway's import, which reads each operation's own " +
            `(Extension Definitions: x-apigateway-auth-type): ${which}`,
        );
      },
    };
  },
} satisfies Rule;
