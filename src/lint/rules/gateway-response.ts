import type { Rule } from '../types.js';
import { responsesPointer } from '../sites.js';
import { GATEWAY_ERROR_TYPES } from '../../core/model.js';
import { join } from '../../core/pointer.js';

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** Custom gateway responses per group besides `default` (x-apigateway.md "SDK model limits", ResponsesCreate, OTC). */
const MAX_CUSTOM = 4;

export default {
  meta: {
    id: 'gateway-response',
    category: 'names',
    description:
      'Gateway responses: at most 4 besides default per group; ' +
      'names 1–64 letters, digits, _ or -; known error types; status 200–599 except 444; ' +
      'at most 10 headers, names 1–128 letters, digits or -, values 1–1024 characters.',
    source:
      'Extension Definitions: x-apigateway-responses; API Reference: Creating a Group Response (error types, ' +
      'limits); User Guide §5.1.4 "Adding a Gateway Response" (the set of error types is fixed)',
    rationale: 'An unknown error type is never used by the gateway, and the console refuses the other values.',
  },
  create(ctx) {
    return {
      Group(g) {
        const custom = g.model.responses.filter((r) => r.name !== 'default').length;
        if (custom > MAX_CUSTOM)
          ctx.report(
            { group: g, path: responsesPointer(g) },
            `${custom} gateway responses besides default; a group has at most ${MAX_CUSTOM}`,
          );
      },
      GatewayResponse(set, g) {
        const at = (): string => responsesPointer(g, set.name);
        if (!NAME.test(set.name))
          ctx.report(
            { group: g, path: at() },
            `gateway response name "${set.name}" must be 1–64 letters, digits, "_" or "-"`,
          );
        for (const [type, entry] of Object.entries(set.entries)) {
          const eat = (): string => `${at()}/${type}`;
          if (!(GATEWAY_ERROR_TYPES as readonly string[]).includes(type))
            ctx.report(
              { group: g, path: eat() },
              `"${type}" is not a gateway response type (e.g. ${GATEWAY_ERROR_TYPES.slice(0, 4).join(', ')}...)`,
            );
          if (entry.status !== undefined && (entry.status < 200 || entry.status > 599 || entry.status === 444))
            ctx.report({ group: g, path: `${eat()}/status` }, `status ${entry.status} must be 200–599 and not 444`);
          if (Object.keys(entry.headers ?? {}).length > 10)
            ctx.report({ group: g, path: `${eat()}/headers` }, 'at most 10 headers per gateway response');
          for (const [k, v] of Object.entries(entry.headers ?? {})) {
            if (!/^[A-Za-z0-9-]{1,128}$/.test(k))
              ctx.report(
                { group: g, path: `${eat()}/headers` },
                `header name "${k}" must be 1–128 letters, digits or "-"`,
              );
            if (v.length < 1 || v.length > 1024)
              ctx.report(
                { group: g, path: join(eat(), 'headers', k) },
                `header ${k}: the value must be 1–1024 characters, not ${v.length}`,
              );
          }
        }
      },
    };
  },
} satisfies Rule;
