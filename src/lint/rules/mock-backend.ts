import type { Rule } from '../types.js';

/**
 * The mock body's limit is not documented; apig uses the documented limit of the sibling result samples
 * (SDK ApiCreate, 20480).
 */
export const MOCK_MAX = 20480;

export default {
  meta: {
    id: 'mock-backend',
    category: 'backends',
    description: 'Mock results stay within 20480 characters.',
    source:
      'API Reference: Creating an API (result_normal_sample at most 20480 characters); ' +
      'User Guide §5.2.1, table 5-8 (the mock result, whose length is not documented)',
    rationale:
      'Large mock bodies are better served by a real backend; ' +
      "the limit is apig's choice where the documentation is silent (docs/rules/mock-backend.md).",
  },
  create(ctx) {
    return {
      Backend(b) {
        if (b.backend.type !== 'MOCK') return;
        const len = b.backend.mock.resultContent.length;
        if (len > MOCK_MAX)
          ctx.report(
            { group: b.site.group, path: `${b.endpointAt}/result-content` },
            `mock result is ${len} characters; keep it within ${MOCK_MAX}`,
          );
      },
    };
  },
} satisfies Rule;
