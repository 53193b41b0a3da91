/**
 * The house rules that the code's own imports must keep (STYLE.md "The layout"): layers point one way, no
 * file imports itself through a circle of others, and the CLI's start-up path loads only the shell, so that
 * `apig --version` costs what Node costs (bench/startup.bench.mjs measures it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Allowed import edges between layers (STYLE.md "Dependency direction"). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  oas: ['core'],
  workspace: ['core', 'oas'],
  sign: ['core'],
  lint: ['core', 'oas', 'workspace'],
  gateway: ['core', 'oas', 'sign', 'workspace'],
  lsp: ['core', 'oas', 'workspace', 'lint'],
  cli: ['core', 'oas', 'workspace', 'sign', 'lint', 'gateway', 'lsp'],
};
/** Packages only the CLI shell may use. */
const CLI_ONLY_PACKAGES = ['chalk', '@inquirer/prompts', 'commander'];
/** What the start-up path (`src/cli/main.ts` and its static imports) may load: the shell and the kernel. */
const STARTUP_LAYERS = ['cli', 'core'];
const STARTUP_PACKAGES = ['commander', 'chalk'];

const SRC = resolve(import.meta.dirname, '../src');

/** The formatter's width (biome.json `lineWidth`), counted in characters (code points). */
const MAX_COLUMNS = 120;

interface LongLine {
  /** Path under src/. */
  file: string;
  /** The line's text without its indentation, from the start (enough to tell it apart). */
  startsWith: string;
  reason: string;
}

/**
 * Lines that may stay longer than MAX_COLUMNS: only what cannot be split sensibly (a long regular expression, a
 * table row). A message, help text or rule text is split into concatenated literals, and a comment is rewrapped.
 */
const LONG_LINE_EXCEPTIONS: readonly LongLine[] = [];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface ImportRef {
  spec: string;
  /** `import type` / `export type`: erased at run time. */
  typeOnly: boolean;
  /** `import('…')`: loaded when the code runs, not when the module loads. */
  dynamic: boolean;
}

function importsOf(source: string): ImportRef[] {
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s)?[^'";]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  const out: ImportRef[] = [];
  for (const m of source.matchAll(re)) {
    if (m[3] !== undefined) out.push({ spec: m[3], typeOnly: m[2] !== undefined, dynamic: false });
    else if (m[4] !== undefined) out.push({ spec: m[4], typeOnly: false, dynamic: false });
    else if (m[5] !== undefined) out.push({ spec: m[5], typeOnly: false, dynamic: true });
  }
  return out;
}

const layerOf = (file: string): string => relative(SRC, file).split('/')[0] ?? '';
const target = (file: string, spec: string): string => resolve(dirname(file), spec).replace(/\.js$/, '.ts');

function violations(file: string, source: string): string[] {
  const layer = layerOf(file);
  const allowed = ALLOWED[layer];
  if (!allowed) return [`${file}: unknown layer "${layer}"`];
  const found: string[] = [];
  for (const { spec } of importsOf(source)) {
    if (spec.startsWith('.')) {
      const to = layerOf(target(file, spec));
      if (to !== layer && !allowed.includes(to)) found.push(`${relative(SRC, file)} imports ${to} (${spec})`);
    } else if (layer !== 'cli' && CLI_ONLY_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`))) {
      found.push(`${relative(SRC, file)} imports ${spec}, which only src/cli may use`);
    }
  }
  if (layer !== 'cli' && /\bconsole\.(log|error|warn|info)\(/.test(source))
    found.push(`${relative(SRC, file)} calls console`);
  return found;
}

/** Lines over MAX_COLUMNS that no exception covers, and exceptions that cover no line (so the list stays true). */
function longLines(sources: ReadonlyMap<string, string>, exceptions: readonly LongLine[]): string[] {
  const used = new Set<LongLine>();
  const found: string[] = [];
  for (const [file, text] of sources) {
    const rel = relative(SRC, file);
    text.split('\n').forEach((line, i) => {
      const width = [...line].length;
      if (width <= MAX_COLUMNS) return;
      const allowed = exceptions.find((x) => x.file === rel && line.trimStart().startsWith(x.startsWith));
      if (allowed) used.add(allowed);
      else found.push(`src/${rel}:${i + 1} is ${width} columns`);
    });
  }
  for (const x of exceptions) if (!used.has(x)) found.push(`exception for src/${x.file} matches no long line`);
  return found;
}

type Graph = Map<string, ImportRef[]>;

function graphOf(sources: ReadonlyMap<string, string>): Graph {
  return new Map([...sources].map(([file, text]) => [file, importsOf(text)]));
}

/** Every circle of static imports (type-only imports included: they tie the files' meaning together too). */
function cycles(graph: Graph): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const ref of graph.get(file) ?? []) {
      if (ref.dynamic || !ref.spec.startsWith('.')) continue;
      const to = target(file, ref.spec);
      if (!graph.has(to)) continue;
      if (state.get(to) === 'open') found.push(stack.slice(stack.indexOf(to)).map((f) => relative(SRC, f)));
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

/** What loading `entry` loads before any of its code runs: static, non-type imports, followed through. */
function startupLoads(graph: Graph, entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const ref of graph.get(file) ?? []) {
      if (ref.dynamic || ref.typeOnly) continue;
      if (ref.spec.startsWith('.')) visit(target(file, ref.spec));
      else if (!ref.spec.startsWith('node:'))
        packages.add(
          ref.spec.startsWith('@') ? ref.spec.split('/').slice(0, 2).join('/') : (ref.spec.split('/')[0] ?? ref.spec),
        );
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(SRC, f)).sort(), packages: [...packages].sort() };
}

const SOURCES = new Map(files(SRC).map((f) => [f, readFileSync(f, 'utf8')]));
const GRAPH = graphOf(SOURCES);

describe('architecture', () => {
  it('every import points along an allowed edge', () => {
    const all = [...SOURCES].flatMap(([f, text]) => violations(f, text));
    expect(all).toEqual([]);
  });

  it('no import cycles', () => {
    expect(cycles(GRAPH)).toEqual([]);
  });

  it('the start-up path loads only the shell and the kernel: commands import their domain when they run', () => {
    const loads = startupLoads(GRAPH, join(SRC, 'cli/main.ts'));
    expect(loads.files.filter((f) => !STARTUP_LAYERS.includes(f.split('/')[0] ?? ''))).toEqual([]);
    expect(loads.packages.filter((p) => !STARTUP_PACKAGES.includes(p))).toEqual([]);
  });

  it(`no line in src/ is over ${MAX_COLUMNS} columns, except the listed ones`, () => {
    expect(longLines(SOURCES, LONG_LINE_EXCEPTIONS)).toEqual([]);
  });

  describe('the guards themselves work', () => {
    it('a forbidden edge', () => {
      expect(violations(join(SRC, 'core/x.ts'), "import { a } from '../cli/io.js';")).toHaveLength(1);
      expect(violations(join(SRC, 'sign/x.ts'), "import chalk from 'chalk';")).toHaveLength(1);
      expect(violations(join(SRC, 'oas/x.ts'), "import { a } from '../core/model.js';")).toEqual([]);
      expect(violations(join(SRC, 'gateway/x.ts'), "console.log('x')")).toHaveLength(1);
    });

    it('a long line, an exception that covers one, and an exception that covers none', () => {
      const long = `  const pattern = /${'x'.repeat(MAX_COLUMNS)}/;`;
      const sources = new Map([[join(SRC, 'a/x.ts'), `// fits\n${long}\n${'y'.repeat(MAX_COLUMNS)}`]]);
      expect(longLines(sources, [])).toEqual([`src/a/x.ts:2 is ${long.length} columns`]);
      const regex = { file: 'a/x.ts', startsWith: 'const pattern = /', reason: 'a regular expression' };
      expect(longLines(sources, [regex])).toEqual([]);
      const stale = { file: 'a/y.ts', startsWith: 'const', reason: 'gone' };
      expect(longLines(sources, [regex, stale])).toEqual(['exception for src/a/y.ts matches no long line']);
    });

    it('a cycle, type-only or not, and none through a dynamic import', () => {
      const g = graphOf(
        new Map([
          [join(SRC, 'a/x.ts'), "import { y } from './y.js';"],
          [join(SRC, 'a/y.ts'), "import type { X } from './x.js';"],
          [join(SRC, 'a/z.ts'), "export async function f() { return import('./w.js'); }"],
          [join(SRC, 'a/w.ts'), "import { f } from './z.js';"],
        ]),
      );
      expect(cycles(g)).toEqual([['a/x.ts', 'a/y.ts']]);
    });

    it('a heavy module loaded at start-up, and a lazy one that is not', () => {
      const g = graphOf(
        new Map([
          [join(SRC, 'cli/main.ts'), "import { c } from './commands/lint.js';"],
          [
            join(SRC, 'cli/commands/lint.ts'),
            "import { CONFIG } from '../../lint/config.js';\nimport type { T } from '../../oas/t.js';\nconst m = () => import('../../lint/run.js');",
          ],
          [join(SRC, 'lint/config.ts'), "import Ajv from 'ajv';"],
        ]),
      );
      expect(startupLoads(g, join(SRC, 'cli/main.ts'))).toEqual({
        files: ['cli/commands/lint.ts', 'cli/main.ts', 'lint/config.ts'],
        packages: ['ajv'],
      });
    });
  });
});
