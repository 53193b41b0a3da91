/**
 * Regression (issue 15): the http template of `apig init` wrote `description: Forwarded to ... variable #backend#`
 * unquoted, and YAML reads ` #backend#` as a comment: the description lost its last words, and a round trip
 * dropped them for good. Every template's files now read back with what they say: no comment where the template
 * means text (a comment the template means starts `# `; one glued to its `#`, like `#backend#`, is text that YAML
 * took for a comment), and the description whole.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument, visit, isScalar } from 'yaml';
import { TEMPLATE_IDS, TEMPLATES } from '../../src/workspace/authoring/templates/index.js';

const INPUT = { group: 'shop', specFile: 'shop.yaml', backend: '127.0.0.1:9000', app: 'app1', appKey: 'key1' };

describe('apig init templates', () => {
  it.each(TEMPLATE_IDS)('%s: no text of its files is read as a comment', (id) => {
    const { group, workspace } = TEMPLATES[id].render(INPUT);
    for (const text of [group, workspace]) {
      const glued: string[] = [];
      visit(parseDocument(text), {
        Scalar(_key, node) {
          if (isScalar(node) && typeof node.comment === 'string' && !/^\s/.test(node.comment))
            glued.push(`${String(node.value)} #${node.comment}`);
        },
      });
      expect(glued).toEqual([]);
    }
  });

  it('the http template describes its API with the variable it names', () => {
    const value = parseDocument(TEMPLATES.http.render(INPUT).group).toJS() as {
      paths: Record<string, Record<string, { description?: string }>>;
    };
    const descriptions = Object.values(value.paths).flatMap((item) => Object.values(item).map((op) => op.description));
    expect(descriptions).toContain('Forwarded to the backend named by the environment variable #backend#');
  });
});
