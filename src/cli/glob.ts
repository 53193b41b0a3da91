/**
 * File patterns on the command line, as Spectral and ESLint take them quoted (`apig lint 'specs/*.yaml'`): `*` and
 * `?` within one path segment, `[abc]` classes, `{a,b}` alternatives and `**` for any number of folders. A path
 * that exists as written is taken as written, whatever characters it holds. Folders named node_modules and hidden
 * folders are not entered unless the pattern names them; a symbolic link to a file matches, one to a folder is not
 * walked into (a link loop cannot make `**` run for ever).
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

const GLOB_CHARS = /[*?[{]/;

export const isGlob = (pattern: string): boolean => GLOB_CHARS.test(pattern);

/** At most this many folders are read for one pattern: `**` from the root of a large disk must end. */
const MAX_DIRS = 20_000;

/** One segment's pattern as a regular expression (anchored). */
export function segmentRegExp(segment: string): RegExp {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        const body = segment.slice(i + 1, close).replace(/\\/g, '\\\\');
        out += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      const close = segment.indexOf('}', i);
      if (close < 0) out += '\\{';
      else {
        const alternatives = segment.slice(i + 1, close).split(',');
        out += `(?:${alternatives.map((a) => a.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The files (not folders) a pattern matches, relative to `cwd` as the pattern was, sorted. */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const absolute = isAbsolute(pattern);
  const segments = pattern.split(/[\\/]+/).filter((s, i) => s !== '' || i === 0);
  const firstGlob = segments.findIndex((s) => isGlob(s));
  const base = resolve(cwd, segments.slice(0, firstGlob).join('/') || (absolute ? '/' : '.'));
  const rest = segments.slice(firstGlob);
  const found = new Set<string>();
  let dirsRead = 0;
  const walk = async (dir: string, index: number): Promise<void> => {
    const segment = rest[index];
    if (segment === undefined || dirsRead >= MAX_DIRS) return;
    dirsRead++;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    if (segment === '**') {
      await walk(dir, index + 1);
      for (const e of entries)
        if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
          await walk(join(dir, e.name), index);
      return;
    }
    const re = segmentRegExp(segment);
    const last = index === rest.length - 1;
    for (const e of entries) {
      if (!re.test(e.name)) continue;
      if (e.name.startsWith('.') && !segment.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (last) {
        // A symbolic link to a file is that file (specs linked in from elsewhere); links are never walked into.
        if (e.isFile() || (e.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile())) found.add(path);
      } else if (e.isDirectory() && (e.name !== 'node_modules' || segment === 'node_modules'))
        await walk(path, index + 1);
    }
  };
  await walk(base, 0);
  return [...found]
    .map((f) => (absolute ? f : relative(cwd, f).split(sep).join('/')))
    .sort((a, b) => a.localeCompare(b));
}
