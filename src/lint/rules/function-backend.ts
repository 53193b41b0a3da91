import type { Rule } from '../types.js';
import { apiSites, backendsOf, endpointPointer } from '../sites.js';

/** urn:fss:<region>:<project>:function:<package>:<name>[:<version or alias>] */
const FUNCTION_URN = /^urn:fss:[a-z0-9-]+:[A-Za-z0-9]+:function:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+(:[A-Za-z0-9_.!-]+)?$/;

export default {
  meta: {
    id: 'function-backend',
    category: 'backends',
    description: 'FunctionGraph backends have a function URN of the documented form, and a version or alias.',
    source:
      'Extension Definitions: x-apigateway-backend.functionEndpoints; API Reference: Creating an API (func_info); ' +
      'apig serve runs a local module per URN: docs/serve.md "FUNCTION backends"',
    rationale: 'The URN names the function and its version or alias selects the code that runs.',
  },
  check(ctx) {
    for (const site of apiSites(ctx.ws)) {
      for (const b of backendsOf(site)) {
        if (b.backend.type !== 'FUNCTION') continue;
        const fn = b.backend.function;
        const at = endpointPointer(b);
        if (!FUNCTION_URN.test(fn.functionUrn))
          ctx.report(
            { group: site.group, path: `${at}/function-urn` },
            `function URN "${fn.functionUrn}" is not of the form urn:fss:<region>:<project>:function:<package>:<name>`,
          );
        if ((fn.version ?? '') === '' && (fn.aliasUrn ?? '') === '')
          ctx.report({ group: site.group, path: at }, 'a function backend needs a version or an alias-urn');
      }
    }
  },
} satisfies Rule;
