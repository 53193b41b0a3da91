/**
 * Guard: text a user can see cites Huawei's documents by title and section (docs/sources.md), never our
 * internal files. Scans the string and template literals of src/**\/*.ts (comments are for us and may keep
 * the short citations), the JSON Schemas (their descriptions reach editors), docs/**\/*.md and README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Internal references a user cannot open: seed numbers, digest file names, ruling numbers, our folders. */
const FORBIDDEN: readonly RegExp[] = [
  /\b00[0-4] (§|ch\.|调用限制)/,
  /\(00[0-4][);,]/,
  /(signing|practices|x-apigateway|api-model|errors-and-limits|peers)\.md/,
  /\brulings? \d/i,
  /shared\//,
  /apig_03_\d+/,
  /seeds?\//,
];

interface Hit {
  at: string;
  text: string;
}

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

function offending(text: string): boolean {
  return FORBIDDEN.some((re) => re.test(text));
}

/** The string and template-literal pieces of a TypeScript source, with their 1-based lines; comments are not tokens. */
function literalsOf(name: string, source: string): Array<{ line: number; text: string }> {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      out.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function sourceHits(name: string, source: string): Hit[] {
  return literalsOf(name, source)
    .filter((l) => offending(l.text))
    .map((l) => ({ at: `${name}:${l.line}`, text: l.text.trim().slice(0, 160) }));
}

function textHits(name: string, text: string): Hit[] {
  return text
    .split('\n')
    .flatMap((line, i) => (offending(line) ? [{ at: `${name}:${i + 1}`, text: line.trim().slice(0, 160) }] : []));
}

function scan(): Hit[] {
  const rel = (f: string): string => relative(ROOT, f).split('\\').join('/');
  const sources = filesUnder(join(ROOT, 'src'), '.ts').map(rel);
  const schemas = filesUnder(join(ROOT, 'schemas'), '.json').map(rel);
  const docs = [...filesUnder(join(ROOT, 'docs'), '.md').map(rel), 'README.md'];
  const read = (name: string): string => readFileSync(join(ROOT, name), 'utf8');
  return [
    ...sources.flatMap((n) => sourceHits(n, read(n))),
    ...[...schemas, ...docs].flatMap((n) => textHits(n, read(n))),
  ];
}

describe('user-facing text cites Huawei documents, not internal files', () => {
  it('no string literal in src/, JSON Schema, docs page or README cites an internal file', () => {
    expect(scan().map((h) => `${h.at}: ${h.text}`)).toEqual([]);
  });

  it('catches a planted citation in a string or template and ignores comments', () => {
    const planted = [
      '// comments may cite 002 §5.2.1 and signing.md §3',
      '/* and x-apigateway.md §8.2, ruling 3 */',
      "const a = 'limit exceeded (002 §5.2.1)';",
      'const b = `see ${a} in errors-and-limits.md §1.1`;',
      "const c = 'fine (User Guide §5.2.1)';",
      'const d = `${a} per ruling 4`;',
      "const e = /* apig_03_0085 */ 'calls by IP (003)';",
    ].join('\n');
    expect(sourceHits('planted.ts', planted).map((h) => h.at)).toEqual([
      'planted.ts:3',
      'planted.ts:4',
      'planted.ts:6',
      'planted.ts:7',
    ]);
    const md = 'ok (User Guide §5.2.1, Best Practices ch. 3)\nsee shared/spec/x.md\nseed 000 §4.7\nas 004 ch.3 shows\n';
    expect(textHits('planted.md', md).map((h) => h.at)).toEqual(['planted.md:2', 'planted.md:3', 'planted.md:4']);
  });
});
