/**
 * `apig init` templates: an apig.yaml and a first group's Swagger file, written as a person would write
 * them (comments say what to change). Each is tested to import losslessly, lint clean and serve.
 */
import { appAuthTemplate } from './app-auth.js';
import { httpTemplate } from './http.js';
import { mockTemplate } from './mock.js';
import type { Rendered, TemplateInput } from './types.js';

export type { Rendered, TemplateInput } from './types.js';

export const TEMPLATE_IDS = ['mock', 'http', 'app-auth'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATES = {
  mock: { description: 'a Mock API: answers with a fixed body, nothing else to run', render: mockTemplate },
  http: {
    description: 'an API forwarded to your HTTP backend, whose address is an environment variable',
    render: httpTemplate,
  },
  'app-auth': {
    description: 'an APP-auth API (signed calls) with a throttling policy, and an app to call it with',
    render: appAuthTemplate,
  },
} as const satisfies Record<TemplateId, { description: string; render: (input: TemplateInput) => Rendered }>;
