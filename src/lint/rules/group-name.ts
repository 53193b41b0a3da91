import type { Rule } from '../types.js';

/**
 * SDK ApiGroupCreate.name: 3–255, Chinese, letters, digits, -_./(): and Chinese punctuation;
 * letter, Chinese or digit first.
 */
const GROUP_NAME = /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5\-_./():（）：、]{2,254}$/u;
/** OTC import rule for info.title of a new group: 3–64, letter first, letters, digits and underscores. */
const IMPORT_TITLE = /^[A-Za-z][A-Za-z0-9_]{2,63}$/;

export default {
  meta: {
    id: 'group-name',
    category: 'names',
    description: 'Group names (apig.yaml `name`, Swagger `info.title`) follow the documented patterns.',
    source:
      'API Reference: Creating an API Group (3–255 characters); User Guide (online), ' +
      '"Restrictions and Compatibility" of importing APIs (info.title: 3–64 characters)',
    rationale:
      'A group name is 3–255 characters (letters, digits, Chinese characters, -_./():). ' +
      'Importing into a new group uses info.title as the name, which the import restrictions ' +
      'limit to 3–64 characters, starting with a letter, letters/digits/underscores only.',
  },
  create(ctx) {
    return {
      Group(g, i) {
        if (!GROUP_NAME.test(g.ref.name)) {
          ctx.report(
            ctx.ws.implicit ? { group: g, path: '/info/title' } : { workspace: true, path: `/groups/${i}/name` },
            `group name "${g.ref.name}" must be 3–255 characters, start with a letter, ` +
              `Chinese character or digit, and use only letters, digits, Chinese characters and -_./():`,
          );
        }
        if (!IMPORT_TITLE.test(g.model.name)) {
          ctx.report(
            { group: g, path: '/info/title' },
            `info.title "${g.model.name}" cannot name a new group on import: ` +
              `use 3–64 letters, digits or underscores, starting with a letter`,
          );
        }
      },
    };
  },
} satisfies Rule;
