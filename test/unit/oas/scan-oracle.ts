/**
 * The oracle for the single-pass readers (yaml-lines.ts, yaml-scan.ts, json-spans.ts): the js-yaml path (fastParse). A reader
 * may give up (undefined); when it answers, js-yaml must have accepted the text, the values must be equal
 * (NaN, -0 and prototypes included) and every pointer (each node, a missing child of each collection, a
 * segment below each scalar) must have the same span.
 */
import { isDeepStrictEqual } from 'node:util';
import { fastParse } from '../../../src/oas/fast-yaml.js';
import { parseJson } from '../../../src/oas/json-spans.js';
import type { SpanIndex } from '../../../src/oas/span-index.js';
import { readLines } from '../../../src/oas/yaml-lines.js';
import { scanYaml } from '../../../src/oas/yaml-scan.js';

/** Every pointer of a value, with a missing child of each collection and one segment below each scalar. */
export function pointers(value: unknown, segs: string[] = [], out: string[][] = []): string[][] {
  out.push(segs);
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      pointers(v, [...segs, String(i)], out);
    });
    out.push([...segs, String(value.length)]);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) pointers(v, [...segs, k], out);
    out.push([...segs, 'no such key']);
  } else out.push([...segs, '0']);
  return out;
}

export type Verdict = 'agree' | 'gave up' | string;

function compare(text: string, got: (SpanIndex & { value: unknown }) | undefined): Verdict {
  if (!got) return 'gave up';
  const want = fastParse(text);
  if (!want || !('value' in want)) return `accepted what the js-yaml path gives ${JSON.stringify(want)}`;
  if (!isDeepStrictEqual(got.value, want.value))
    return `value ${JSON.stringify(got.value)} differs from ${JSON.stringify(want.value)}`;
  for (const segs of pointers(want.value)) {
    const a = got.spanOf(segs);
    const b = want.spanOf(segs);
    if (a.start !== b.start || a.end !== b.end)
      return `span of /${segs.join('/')}: ${JSON.stringify(a)}, the js-yaml path ${JSON.stringify(b)}`;
  }
  return 'agree';
}

/** The full reader's verdict; the line reader must give up or agree too (else its verdict is returned). */
export function yamlVerdict(text: string): Verdict {
  const lines = linesVerdict(text);
  if (lines !== 'agree' && lines !== 'gave up') return `line reader: ${lines}`;
  return compare(text, scanYaml(text));
}

/** The line reader (yaml-lines.ts) alone. */
export function linesVerdict(text: string): Verdict {
  return compare(text, readLines(text));
}

/** As for YAML; JSON.parse must also accept the text (parseSource asks both of a .json file). */
export function jsonVerdict(text: string): Verdict {
  const got = parseJson(text);
  if (got) {
    try {
      JSON.parse(text);
    } catch {
      return 'accepted what JSON.parse refuses';
    }
  }
  return compare(text, got);
}
