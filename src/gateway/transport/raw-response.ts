/**
 * Answers written straight onto a socket, where Node has no response object: requests its HTTP parser refused,
 * CONNECT, and WebSocket upgrades (the 101, and the answers to upgrades that are not passed through). The answer
 * is built as every other is (response/answer.ts); this only writes it, then ends the socket (not after a 101:
 * the tunnel goes on) and reports the request's event.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Answer } from '../response/answer.js';
import type { EventSink } from '../response/events.js';

export function serializeAnswer(a: Answer): Buffer {
  const lines = [`HTTP/1.1 ${a.status} ${a.reason ?? STATUS_CODES[a.status] ?? 'Unknown'}`];
  for (let i = 0; i < a.headers.length; i += 2) lines.push(`${a.headers[i] ?? ''}: ${a.headers[i + 1] ?? ''}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  if (a.body === undefined) return head;
  // A streamed body is collected before its answer is built (upgrade.ts): a raw answer needs its length.
  if (typeof a.body !== 'string' && !Buffer.isBuffer(a.body))
    throw new Error('a streamed body cannot be written onto the socket');
  return Buffer.concat([head, typeof a.body === 'string' ? Buffer.from(a.body) : a.body]);
}

/** Writes the answer and ends the socket; emits the request's event (when there is one: someone listens). */
export function answerOnSocket(gw: { emit: EventSink }, socket: Duplex, a: Answer): void {
  socket.end(serializeAnswer(a));
  if (a.event) gw.emit(a.event);
}
