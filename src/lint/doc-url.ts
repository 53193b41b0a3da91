/**
 * Where a rule's docs page is: docs/rules/<id>.md in the installed package (package.json `files` ships it), as a
 * file:// URL, so that every link apig prints opens offline and matches the version that printed it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../oas/package-root.js';
import type { RuleId } from './rule-ids.js';

/** From the package root: this module may run from src/, dist/ or a command bundled into dist/. */
export function ruleDocUrl(id: RuleId): string {
  return pathToFileURL(join(packageRoot(import.meta.url), 'docs', 'rules', `${id}.md`)).href;
}
