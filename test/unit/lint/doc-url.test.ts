import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleDocUrl } from '../../../src/lint/doc-url.js';
import { ALL_RULE_IDS } from '../../../src/lint/registry.js';

const ROOT = new URL('../../../', import.meta.url);

describe('rule doc links', () => {
  it.each(ALL_RULE_IDS.map((id) => [id]))('%s: a file:// URL of its page in docs/rules, which exists', (id) => {
    const url = ruleDocUrl(id);
    expect(url).toBe(new URL(`docs/rules/${id}.md`, ROOT).href);
    expect(url.startsWith('file:///')).toBe(true);
    const file = fileURLToPath(url);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(`# ${id}`);
  });

  it('the built module (dist/lint/doc-url.js) finds the same folder: dist/ and src/ are both at the root', () => {
    const build = JSON.parse(readFileSync(new URL('tsconfig.build.json', ROOT), 'utf8')) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    expect(build.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'dist' });
    const built = pathToFileURL(fileURLToPath(new URL('dist/lint/doc-url.js', ROOT)));
    expect(new URL('../../docs/rules/', built).href).toBe(new URL('docs/rules/', ROOT).href);
  });

  it('the npm package ships every page', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { files: string[] };
    // docs/ as a whole (issue 15): serve names docs/fidelity.md, the rule pages link to the other pages.
    expect(pkg.files).toContain('docs');
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: fileURLToPath(ROOT),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as Array<{ files: Array<{ path: string }> }>;
    const paths = new Set(packed[0]?.files.map((f) => f.path));
    for (const id of ALL_RULE_IDS) expect(paths.has(`docs/rules/${id}.md`), id).toBe(true);
    expect(paths.has('docs/rules/README.md')).toBe(true);
    for (const page of ['fidelity.md', 'serve.md', 'sign.md', 'import-export.md', 'authoring.md', 'sources.md'])
      expect(paths.has(`docs/${page}`), page).toBe(true);
  });
});
