import type { Rule } from '../types.js';
import { isRecord } from '../../oas/codec.js';
import { join } from '../../core/pointer.js';

/** The Path Item keys OpenAPI 3.0 has for operations that the gateway has no method for. */
const NOT_GATEWAY_METHODS = ['trace'] as const;

/**
 * An API's method is one of the gateway's (User Guide §5.2.1: GET, POST, DELETE, PUT, PATCH, HEAD, OPTIONS, ANY).
 * OpenAPI 3.0 also has `trace`, which apig's model does not read (it keeps it as written, and export writes it
 * back); Swagger 2.0 has no `trace`, where the `swagger-schema` error names it.
 */
export default {
  meta: {
    id: 'api-method',
    category: 'paths',
    description:
      'Operations use a method the gateway has: GET, POST, DELETE, PUT, PATCH, HEAD, OPTIONS or ANY ' +
      '(x-apigateway-any-method); not an OpenAPI 3.0 trace operation.',
    source: 'User Guide §5.2.1 "Creating an API" (the request methods)',
    rationale:
      'The gateway has no TRACE API, so an OpenAPI 3.0 `trace` operation cannot become an API: apig serve does not ' +
      'serve it, and `apig export` keeps it as written. Use ' +
      'x-apigateway-any-method for an API that answers every method, or remove the operation. (In Swagger 2.0 a ' +
      '`trace` key is not valid at all: `swagger-schema`.)',
  },
  create(ctx) {
    return {
      Group(group) {
        if (group.model.format !== 'oas3' || !isRecord(group.raw) || !isRecord(group.raw.paths)) return;
        const { paths } = group.raw;
        for (const path of Object.keys(paths)) {
          const item = paths[path];
          if (!isRecord(item)) continue;
          for (const key of NOT_GATEWAY_METHODS) {
            if (!isRecord(item[key])) continue;
            ctx.report(
              { group, path: join('', 'paths', path, key) },
              `${key.toUpperCase()} is not a method of the gateway (GET, POST, DELETE, PUT, PATCH, HEAD, OPTIONS or ` +
                'ANY: User Guide §5.2.1): this operation cannot be imported as an API, ' +
                'and apig serve does not serve it',
            );
          }
        }
      },
    };
  },
} satisfies Rule;
