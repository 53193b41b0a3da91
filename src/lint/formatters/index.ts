import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Format, Formatter } from './types.js';

export const FORMATTERS = { stylish, json, sarif, junit, github } as const satisfies Record<Format, Formatter>;
export { FORMATS, PLAIN, type Format, type FormatInput, type Painter } from './types.js';
