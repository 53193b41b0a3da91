/** group-name: group names (apig.yaml `name`, Swagger info.title) follow ApiGroupCreate.name and the import rule for info.title. */
import { testRule } from '../test-rule.js';
import { op, spec } from '../harness.js';
import { fixture } from '../snippets.js';

const titled = (title: string): string => spec(op()).replace('title: lint_test', `title: ${title}`);
const GROUP = 'must be 3–255 characters, start with a letter, Chinese character or digit';
const IMPORT = 'cannot name a new group on import: use 3–64 letters, digits or underscores, starting with a letter';
const ws = (name: string): string => `groups:\n  - name: ${name}\n    spec: api.yaml\n`;

testRule('group-name', [
  { name: 'letters and underscores', spec: titled('lint_test'), findings: [] },
  { name: 'three characters', spec: titled('abc'), findings: [] },
  {
    name: 'two characters: neither a group name nor an import title',
    spec: titled('ab'),
    findings: [
      { message: `group name "ab" ${GROUP}`, at: 'ab\n' },
      { message: `info.title "ab" ${IMPORT}`, exact: true, at: 'ab\n' },
    ],
  },
  { name: '64 characters', spec: titled('g'.repeat(64)), findings: [] },
  {
    name: '65 characters: a group name, not an import title',
    spec: titled('g'.repeat(65)),
    findings: [{ message: `info.title "${'g'.repeat(65)}" cannot name a new group`, at: 'ggg' }],
  },
  {
    name: '255 characters',
    spec: titled('g'.repeat(255)),
    findings: [{ message: 'cannot name a new group', at: 'ggg' }],
  },
  {
    name: '256 characters',
    spec: titled('g'.repeat(256)),
    findings: [
      { message: 'group name', at: 'ggg' },
      { message: 'cannot name a new group', at: 'ggg' },
    ],
  },
  {
    name: 'a digit first: a group name, not an import title',
    spec: titled('"1 bad"'),
    findings: [
      { message: 'group name "1 bad"', at: '"1 bad"' },
      { message: 'info.title "1 bad" cannot name a new group', at: '"1 bad"' },
    ],
  },
  {
    name: 'a digit first and no space',
    spec: titled('1group'),
    findings: [{ message: 'info.title "1group" cannot name a new group', at: '1group' }],
  },
  {
    name: 'a hyphen',
    spec: titled('my-group'),
    findings: [{ message: 'info.title "my-group" cannot name a new group', at: 'my-group' }],
  },
  {
    name: 'Chinese characters: a group name, not an import title (OTC restrictions)',
    spec: titled('用户分组'),
    findings: [{ message: 'cannot name a new group', at: '用户分组' }],
  },
  {
    name: 'a space in the middle',
    spec: titled('"my group"'),
    findings: [
      { message: 'group name "my group"', at: '"my group"' },
      { message: 'cannot name a new group', at: '"my group"' },
    ],
  },
  { name: 'apig.yaml names the group', spec: titled('lint_test'), workspace: ws('shop.v1'), findings: [] },
  {
    name: 'a bad name in apig.yaml is reported there',
    spec: titled('lint_test'),
    workspace: ws('"my group"'),
    findings: [{ message: 'group name "my group"', at: '"my group"', file: 'apig.yaml' }],
  },
  {
    name: 'with apig.yaml, info.title is still the import title',
    spec: titled('my-group'),
    workspace: ws('shop'),
    findings: [{ message: 'info.title "my-group"', at: 'my-group' }],
  },
  { name: 'the documented import examples', spec: fixture('examples/otc-four-backends.yaml'), findings: [] },
]);
