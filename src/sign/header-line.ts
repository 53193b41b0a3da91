/** curl-style `-H "Name: value"` lines. */
import { ApigError } from '../core/errors.js';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * `Name: value` (value trimmed), or curl's `Name;` for an empty value. Throws ApigError('input') with the line
 * when it is malformed, so the CLI can exit 2 with a clear message.
 */
export function parseHeaderLine(line: string): [string, string] {
  const colon = line.indexOf(':');
  let name: string;
  let value: string;
  if (colon < 0) {
    if (!line.trimEnd().endsWith(';'))
      throw new ApigError('input', `malformed header "${line}": expected "Name: value"`);
    name = line.trimEnd().slice(0, -1).trim();
    value = '';
  } else {
    name = line.slice(0, colon).trim();
    value = line.slice(colon + 1).trim();
  }
  if (!TOKEN.test(name))
    throw new ApigError('input', `malformed header "${line}": "${name}" is not a valid header name`);
  if (/[\r\n\0]/.test(value)) throw new ApigError('input', `malformed header "${line}": the value has a line break`);
  return [name, value];
}
