/**
 * Percent-encoding of values the gateway places in the backend request, with the character lists of
 * 002 §5.2.1 (表5-11 notes; api-model.md §3.7): bytes 0–31, 127–255 and whitespace always, plus
 * PATH: ? > < / % # " [ \ ] ^ ` { | }      QUERY: > = < + & % # " [ \ ] ^ ` { | }
 * Example from the source: `[apig]` → `%5Bapig%5D`. Header values are not encoded (not documented).
 */
export type EncodeLocation = 'PATH' | 'QUERY';

function table(specials: string): boolean[] {
  const t = new Array<boolean>(256).fill(false);
  for (let b = 0; b < 256; b++) t[b] = b <= 32 || b >= 127;
  for (const c of specials) t[c.charCodeAt(0)] = true;
  return t;
}

const TABLES = {
  PATH: table('?></%#"[\\]^`{|}'),
  QUERY: table('>=<+&%#"[\\]^`{|}'),
} as const satisfies Record<EncodeLocation, boolean[]>;

const HEX = '0123456789ABCDEF';

export function encodeFor(location: EncodeLocation, value: string): string {
  const t = TABLES[location];
  // Fast path: plain ASCII that needs nothing.
  let plain = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 126 || t[c]) {
      plain = false;
      break;
    }
  }
  if (plain) return value;
  let out = '';
  for (const b of Buffer.from(value, 'utf8')) {
    out += t[b] ? `%${HEX[b >> 4]}${HEX[b & 15]}` : String.fromCharCode(b);
  }
  return out;
}
