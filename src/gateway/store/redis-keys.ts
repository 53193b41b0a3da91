/**
 * The Redis key layout. Under the prefix (default `apig:`):
 *
 *   PREFIX c:COUNTER:WINDOW_START   a throttle counter in the fixed window that starts at WINDOW_START (epoch ms)
 *   PREFIX lock:AK                  the AK/SK failure count and lock of one AK (a hash: f, l, u)
 *
 * COUNTER is the throttling stage's counter key (`policy kind|name|environment|API|app|ID`), AK the access key
 * a client sent. Parts of both come from clients (source IPs, AKs, user domains), so every byte outside a
 * plain set is percent-encoded: a client cannot write `:`, a glob character, a space or a control character
 * into a key, nor make one counter's key another's. A part that would be over 200 bytes is kept as its SHA-256.
 */
import { sha256Hex } from '../../sign/index.js';

const PLAIN = /^[A-Za-z0-9._~|@=,+/-]*$/;
const NOT_PLAIN = /[^A-Za-z0-9._~|@=,+/-]/gu;
const MAX_PART = 200;

export function keyPart(text: string): string {
  const escaped = PLAIN.test(text)
    ? text
    : text.replace(NOT_PLAIN, (ch) =>
        [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
      );
  return escaped.length <= MAX_PART ? escaped : `%sha256=${sha256Hex(text)}`;
}

export function counterKey(prefix: string, counter: string, windowStart: number): string {
  return `${prefix}c:${keyPart(counter)}:${windowStart}`;
}

/**
 * A counter key read back (the dashboard): the counter and its window start, or undefined for a key this layout
 * did not write or whose counter was kept as a hash.
 */
export function readCounterKey(prefix: string, key: string): { counter: string; windowStart: number } | undefined {
  if (!key.startsWith(`${prefix}c:`)) return undefined;
  const rest = key.slice(prefix.length + 2);
  const colon = rest.lastIndexOf(':');
  const start = Number(rest.slice(colon + 1));
  const part = rest.slice(0, colon);
  if (colon === -1 || !Number.isInteger(start) || part.startsWith('%sha256=')) return undefined;
  try {
    return { counter: decodeURIComponent(part), windowStart: start };
  } catch {
    return undefined;
  }
}

export function lockKey(prefix: string, ak: string): string {
  return `${prefix}lock:${keyPart(ak)}`;
}
