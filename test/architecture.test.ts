import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Allowed import edges between layers (STYLE.md "Dependency direction"). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  spec: ['core'],
  workspace: ['core', 'spec'],
  sign: ['core'],
  lint: ['core', 'spec', 'workspace'],
  gateway: ['core', 'spec', 'sign', 'workspace'],
  cli: ['core', 'spec', 'workspace', 'sign', 'lint', 'gateway'],
};
/** Packages only the CLI shell may use. */
const CLI_ONLY_PACKAGES = ['chalk', '@inquirer/prompts', 'commander'];

const SRC = resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

export function importsOf(source: string): string[] {
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  const out: string[] = [];
  for (const m of source.matchAll(re)) out.push((m[1] ?? m[2]) as string);
  return out;
}

export function violations(file: string, source: string): string[] {
  const layer = relative(SRC, file).split('/')[0] ?? '';
  const allowed = ALLOWED[layer];
  if (!allowed) return [`${file}: unknown layer "${layer}"`];
  const found: string[] = [];
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = relative(SRC, resolve(dirname(file), spec)).split('/')[0] ?? '';
      if (target !== layer && !allowed.includes(target)) found.push(`${relative(SRC, file)} imports ${target} (${spec})`);
    } else if (layer !== 'cli' && CLI_ONLY_PACKAGES.some((p) => spec === p || spec.startsWith(p + '/'))) {
      found.push(`${relative(SRC, file)} imports ${spec}, which only src/cli may use`);
    }
  }
  if (layer !== 'cli' && /\bconsole\.(log|error|warn|info)\(/.test(source)) found.push(`${relative(SRC, file)} calls console`);
  return found;
}

describe('architecture', () => {
  it('every import points along an allowed edge', () => {
    const all = files(SRC).flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    expect(all).toEqual([]);
  });

  it('detects a forbidden edge (the guard itself works)', () => {
    expect(violations(join(SRC, 'core/x.ts'), "import { a } from '../cli/io.js';")).toHaveLength(1);
    expect(violations(join(SRC, 'sign/x.ts'), "import chalk from 'chalk';")).toHaveLength(1);
    expect(violations(join(SRC, 'spec/x.ts'), "import { a } from '../core/model.js';")).toEqual([]);
    expect(violations(join(SRC, 'gateway/x.ts'), "console.log('x')")).toHaveLength(1);
  });
});
