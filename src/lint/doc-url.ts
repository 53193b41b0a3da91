/**
 * Where a rule's docs page is: docs/rules/<id>.md in the installed package (package.json `files` ships it), as a
 * file:// URL, so that every link apig prints opens offline and matches the version that printed it.
 */
import type { RuleId } from './rule-ids.js';

// This module is src/lint/doc-url.ts, and dist/lint/doc-url.js once built: the package root is two levels up
// either way (as src/cli/version.ts finds package.json).
const DOCS = new URL('../../docs/rules/', import.meta.url);

export function ruleDocUrl(id: RuleId): string {
  return new URL(`${id}.md`, DOCS).href;
}
