import type { Rule } from '../types.js';

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
  create(ctx) {
    return {
      Backend(b) {
        if (b.backend.type !== 'FUNCTION') return;
        const fn = b.backend.function;
        const { group } = b.site;
        if (!FUNCTION_URN.test(fn.functionUrn))
          ctx.report(
            { group, path: `${b.endpointAt}/function-urn` },
            `function URN "${fn.functionUrn}" is not of the form urn:fss:<region>:<project>:function:<package>:<name>`,
          );
        if ((fn.version ?? '') === '' && (fn.aliasUrn ?? '') === '')
          ctx.report({ group, path: b.endpointAt }, 'a function backend needs a version or an alias-urn');
      },
    };
  },
} satisfies Rule;
