import type { Rule } from '../types.js';

export default {
  meta: {
    id: 'backend-required',
    category: 'backends',
    description: 'Every API has a default backend (x-apigateway-backend).',
    source:
      'User Guide §5.2.1 "Creating an API" (defining the backend, step 1: ' +
      'the default backend is mandatory); Extension Definitions: x-apigateway-backend',
    rationale:
      'Without a backend the gateway has nothing to call; a basic-scope export has no backends, ' +
      'so lint the full or extended definition. Policy backends need the default backend too.',
  },
  create(ctx) {
    return {
      Api(site) {
        if (!site.api.backend)
          ctx.report(
            { group: site.group, path: site.at },
            `API ${site.api.name} has no x-apigateway-backend: the gateway needs a default backend for every API ` +
              '(`apig import FILE --default-backend mock` gives each API of a plain OpenAPI file a Mock)',
          );
      },
    };
  },
} satisfies Rule;
