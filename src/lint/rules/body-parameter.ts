import type { Rule } from '../types.js';
import { paramPointer } from '../sites.js';

/**
 * A Swagger 2.0 `in: body` or `in: formData` parameter: the import leaves it out of the API's request parameters
 * (User Guide (online), "Restrictions and Compatibility": "APIG does not support the configuration of request
 * parameters in the formData and body locations", in the same list as consumes and produces), and imports the
 * rest of the file. A warning, not an error: the file imports, the body is simply not described to the gateway.
 */
export default {
  meta: {
    id: 'body-parameter',
    category: 'parameters',
    description:
      'A Swagger 2.0 body or formData parameter is not imported as a request parameter: ' +
      'the body reaches the backend as sent, unvalidated.',
    source:
      'User Guide (online), "Restrictions and Compatibility" of importing APIs ' +
      '(request parameters in the formData and body locations are not supported)',
    rationale:
      'The console imports the file and leaves body and formData parameters out of the API, as it ignores ' +
      '`consumes` and `produces`: the gateway validates path, query and header parameters only, and passes the ' +
      'request body to the backend as the caller sent it (apig serve does the same). Nothing in the definition ' +
      'checks the body: validate it in the backend. The parameter may stay as documentation; an OpenAPI 3.0 ' +
      '`requestBody` says the same without this warning.',
  },
  create(ctx) {
    return {
      Param(p, site) {
        if (p.location !== 'BODY' && p.location !== 'FORMDATA') return;
        ctx.report(
          { group: site.group, path: `${paramPointer(site, p)}/in` },
          `parameter "${p.name}" is in ${p.location === 'BODY' ? 'body' : 'formData'}: the gateway does not import ` +
            'body or formData parameters as request parameters, so the body reaches the backend as sent, ' +
            'unvalidated (User Guide (online), "Restrictions and Compatibility" of importing APIs)',
        );
      },
    };
  },
} satisfies Rule;
