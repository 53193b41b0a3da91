/**
 * workspace-references: an environment named under apig.yaml `publish:` counted as defined just by being named
 * there, so a typo (`RELAESE: ["*"]`) linted clean, published nothing to RELEASE and showed only as 404 at run
 * time; and the typo then also made `authorize:` and the bindings accept it. Right: an environment exists when
 * it is RELEASE (built in) or listed under `environments:` (User Guide §5.5.1), and an environment under
 * `publish:` that does not exist is an error, exactly like one under an app's `authorize:`.
 */
import { describe, expect, it } from 'vitest';
import { lintText, op, spec } from '../unit/lint/harness.js';

const messages = async (extra: string): Promise<string[]> => {
  const workspace = `groups:\n  - {name: lint_test, spec: api.yaml}\n${extra}`;
  const { findings } = await lintText({ spec: spec(op({ id: 'getA' })), workspace });
  return findings.filter((f) => f.code === 'workspace-references').map((f) => `${f.path} ${f.message}`);
};

describe('an environment under publish: must exist', () => {
  it('a misspelt RELEASE is an error', async () => {
    expect(await messages('publish:\n  RELAESE: ["*"]\n')).toEqual([
      '/publish/RELAESE environment "RELAESE" is not defined under environments:',
    ]);
  });

  it('naming it under publish: does not let authorize: use it', async () => {
    expect(
      await messages(
        'publish:\n  DEV: ["*"]\napps:\n  - {name: app_one, key: k1, secret: s1, authorize: {DEV: ["*"]}}\n',
      ),
    ).toEqual([
      '/publish/DEV environment "DEV" is not defined under environments:',
      '/apps/0/authorize/DEV environment "DEV" is not defined under environments:',
    ]);
  });

  it('RELEASE and the environments listed are fine', async () => {
    expect(await messages('environments:\n  DEV: {}\npublish:\n  RELEASE: ["*"]\n  DEV: [getA]\n')).toEqual([]);
  });
});
