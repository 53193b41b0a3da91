import type { Api } from '../../core/model.js';
import type { Rule } from '../types.js';

/** SDK ApiCreate.name: 3–255 characters; starts with a letter, Chinese character or digit. */
const API_NAME = /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5\-_./():（）：、]{2,254}$/u;

export default {
  meta: {
    id: 'api-name',
    category: 'names',
    description: 'API names (operationId) follow the documented pattern and length, and are unique in their group.',
    source: 'API Reference: Creating an API (name); the API name is the operationId: docs/rulings.md "API names"',
    rationale:
      'The console rejects an API whose name is 3–255 characters long only if it starts with a letter, ' +
      'a Chinese character or a digit and uses letters, digits, Chinese characters and -_./():（）：、. ' +
      'Import matches existing APIs by name, so two operations with one name would overwrite each other.',
  },
  create(ctx) {
    // The first API of each name, by group; its method and path are named only in a finding.
    const seen = new Map<string, Api>();
    return {
      Api(site) {
        const { api } = site;
        if (api.nameGenerated) return;
        if (!API_NAME.test(api.name)) {
          ctx.report(
            { group: site.group, path: `${site.at}/operationId` },
            `API name "${api.name}" must be 3–255 characters, start with a letter, ` +
              `Chinese character or digit, and use only letters, digits, Chinese characters and -_./():`,
          );
        }
        const key = `${site.group.ref.name}\u0000${api.name}`;
        const first = seen.get(key);
        if (first !== undefined)
          ctx.report(
            { group: site.group, path: `${site.at}/operationId` },
            `API name "${api.name}" is already used by ${first.method} ${first.path} in group ${site.group.ref.name}`,
          );
        else seen.set(key, api);
      },
    };
  },
} satisfies Rule;
