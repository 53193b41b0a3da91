/** Stable text output: same document, same bytes. */
import { stringify } from 'yaml';
import type { TextFormat } from './source.js';

export function serialize(value: unknown, format: TextFormat): string {
  if (format === 'json') return `${JSON.stringify(value, null, 2)}\n`;
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}
