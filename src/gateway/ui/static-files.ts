/**
 * The page's files, from the package's `ui/` folder (hand-written HTML, CSS and JavaScript: no build step, no
 * CDN, nothing fetched from elsewhere). The Content-Security-Policy allows this origin only.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { packageRoot } from '../../oas/package-root.js';

const FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Whether `name` (the path under /_apig/ui/) is one of the page's files. */
export function isPageFile(name: string): boolean {
  return Object.hasOwn(FILES, name);
}

export async function sendPageFile(name: string, res: ServerResponse, head: boolean): Promise<void> {
  const type = FILES[name] ?? 'application/octet-stream';
  const bytes = await readFile(join(packageRoot(import.meta.url), 'ui', name));
  res.writeHead(200, { ...PAGE_HEADERS, 'content-type': type, 'content-length': bytes.length });
  res.end(head ? undefined : bytes);
}
