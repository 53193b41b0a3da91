/**
 * The size of each request head as it came over the wire. Node's parser skips the whitespace between a header's
 * colon and its value without counting it anywhere (not in the header, not against maxHeaderSize), so `X-A:`,
 * 10 MB of spaces and `v` arrives as a one-byte header, and 128 KB of headers padded that way passed the
 * documented limits (API Gateway User Guide, 6.3.3: a header over 32 KB or all of them over 128 KB answer 494),
 * which are about the bytes sent, as nginx counts them. This scanner reads a connection's bytes just before
 * Node's parser does (transport/server.ts), follows the message framing (Content-Length, chunked, an upgrade
 * ends it) only as far as it must to know where each head starts, and measures every header line. It keeps a
 * few hundred bytes of the line being read, never the line.
 *
 * Node emits a request as soon as its head is parsed, in the same turn, so the heads are taken in order; each
 * record carries the start of its request line, and one that does not match the request taken is dropped with
 * everything after it (the scanner then stops: the request falls back to what Node reports).
 */

import type { Socket } from 'node:net';
import type { HeadSize } from '../request/context.js';

interface Pending extends HeadSize {
  /** The request line's first bytes (Latin-1, as Node reads them) and its length. */
  start: string;
  startBytes: number;
}

type Mode = 'head' | 'fixed' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'off';
/** Where in a header line: its name, the whitespace after the colon, its value. */
type Part = 'name' | 'ows' | 'value';

/** Bytes of a line kept: the request line's first ones, the last ones of a framing header's value. */
const KEEP = 256;
/** Heads scanned and not yet taken; past this the scanner stops (Node takes them as it parses them). */
const MAX_PENDING = 4096;
/** A chunk-size line longer than this is not HTTP Node accepts (it bounds chunk extensions at 16 KB). */
const MAX_CHUNK_LINE = 32 * 1024;
/** The headers whose values decide where the next head starts. */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'upgrade', 'connection']);
/** Their lengths (all different) and lower-case first letters. */
const FRAMING_FIRST = new Map([...FRAMING].map((n) => [n.length, n.charCodeAt(0)]));

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SP = 0x20;
const HTAB = 0x09;

export class HeadScanner {
  private mode: Mode = 'head';
  private readonly pending: Pending[] = [];
  // The line being read: its bytes so far (its last one, to tell a CRLF), and the parts of it kept.
  private lineBytes = 0;
  private last = 0;
  private part: Part = 'name';
  // The name: decoded text (when it spans chunks), or where it lies in the chunk that holds it.
  private nameText = '';
  private nameChunk: Buffer | undefined;
  private nameFrom = 0;
  private nameTo = 0;
  private value = '';
  private keepValue = false;
  // The head being read.
  private start: string | undefined;
  private startBytes = 0;
  private total = 0;
  private longest = 0;
  private longestRef: string | { chunk: Buffer; from: number; to: number } = '';
  private contentLength = 0;
  private transferEncoding: string | undefined;
  private upgrade = false;
  private connectionUpgrade = false;
  // A body being skipped: bytes left of it, or of the current chunk.
  private remaining = 0;

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && this.mode !== 'off') {
      if (this.mode === 'fixed' || this.mode === 'chunk-data') {
        const n = Math.min(this.remaining, chunk.length - i);
        this.remaining -= n;
        i += n;
        if (this.remaining === 0) this.mode = this.mode === 'fixed' ? 'head' : 'chunk-end';
        continue;
      }
      const lf = chunk.indexOf(LF, i);
      const end = lf === -1 ? chunk.length : lf;
      if (end > i) this.lineBytesOf(chunk, i, end);
      if (lf === -1) return;
      i = lf + 1;
      this.mode = this.endLine();
    }
  }

  /** The measured head of the request Node has just parsed, or undefined when the scanner cannot vouch for it. */
  take(method: string, target: string): HeadSize | undefined {
    const head = this.pending.shift();
    if (!head) return undefined;
    // `METHOD target HTTP/1.1`: Node accepts exactly one space between the parts, and an eight-byte version.
    const line = `${method} ${target} `;
    const n = Math.min(line.length, head.start.length);
    if (head.start.slice(0, n) !== line.slice(0, n) || head.startBytes !== line.length + 8) {
      this.mode = 'off';
      this.pending.length = 0;
      return undefined;
    }
    return { total: head.total, longest: head.longest, longestName: head.longestName };
  }

  /** Bytes `from`..`to` of the current line (no LF among them): counted, and what is needed of them kept. */
  private lineBytesOf(chunk: Buffer, from: number, to: number): void {
    this.lineBytes += to - from;
    this.last = chunk[to - 1] as number;
    if (this.mode === 'chunk-size' && this.lineBytes > MAX_CHUNK_LINE) {
      this.mode = 'off';
      return;
    }
    // Only a header line of a head has a name; of any other line the start is kept.
    if (this.mode !== 'head' || this.start === undefined) {
      this.keep(chunk, from, to);
      return;
    }
    let at = from;
    if (this.part === 'name') {
      // A byte loop, not indexOf: that would search past the line, and a run of lines without a colon would cost
      // the square of the chunk's length.
      let nameEnd = at;
      while (nameEnd < to && chunk[nameEnd] !== COLON) nameEnd++;
      if (this.nameText === '' && this.nameChunk === undefined && nameEnd < to) {
        // The usual case: the whole name in this chunk. It is decoded only if it is needed.
        this.nameChunk = chunk;
        this.nameFrom = at;
        this.nameTo = nameEnd;
      } else if (this.nameText.length < KEEP) {
        this.nameText = this.name() + chunk.toString('latin1', at, Math.min(nameEnd, at + KEEP));
        this.nameChunk = undefined;
      }
      if (nameEnd === to) return;
      this.part = 'ows';
      this.keepValue = this.framingName();
      at = nameEnd + 1;
    }
    if (this.part === 'ows') {
      while (at < to && (chunk[at] === SP || chunk[at] === HTAB)) at++;
      if (at === to) return;
      this.part = 'value';
    }
    if (this.keepValue) {
      // The end of a framing value is what counts (`…, chunked`), and a long value must not hide it: its last
      // KEEP bytes are kept.
      const tail = this.value + chunk.toString('latin1', Math.max(at, to - KEEP), to);
      this.value = tail.length > KEEP ? tail.slice(-KEEP) : tail;
    }
  }

  /**
   * Whether the current header's name is one of FRAMING: its length and first letter first, so most are not decoded.
   */
  private framingName(): boolean {
    const inChunk = this.nameChunk !== undefined && this.nameText === '';
    const length = inChunk ? this.nameTo - this.nameFrom : this.nameText.length;
    const first = (inChunk ? (this.nameChunk as Buffer)[this.nameFrom] : this.nameText.charCodeAt(0)) ?? 0;
    return FRAMING_FIRST.get(length) === (first | 0x20) && FRAMING.has(this.name().toLowerCase());
  }

  /** The current header line's name (up to KEEP bytes). */
  private name(): string {
    return this.nameChunk === undefined
      ? this.nameText
      : this.nameText + this.nameChunk.toString('latin1', this.nameFrom, Math.min(this.nameTo, this.nameFrom + KEEP));
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    const room = KEEP - this.value.length;
    if (room > 0) this.value += chunk.toString('latin1', from, Math.min(to, from + room));
  }

  /** A line has ended: what it means in the current mode, and the mode that follows. */
  private endLine(): Mode {
    const crlf = this.lineBytes > 0 && this.last === CR;
    const bytes = crlf ? this.lineBytes - 1 : this.lineBytes;
    const ending = crlf ? 2 : 1;
    const value = crlf && this.value.endsWith('\r') ? this.value.slice(0, -1) : this.value;
    const framing = this.keepValue;
    const next = this.nextMode(bytes, ending, value, framing);
    this.lineBytes = 0;
    this.last = 0;
    this.part = 'name';
    this.nameText = '';
    this.nameChunk = undefined;
    this.value = '';
    this.keepValue = false;
    return next;
  }

  private nextMode(bytes: number, ending: number, value: string, framing: boolean): Mode {
    switch (this.mode) {
      case 'head':
        return this.headLine(bytes, ending, value, framing);
      case 'chunk-size': {
        const size = /^([0-9a-fA-F]+)[ \t]*(?:;.*)?$/.exec(value);
        if (!size) return 'off';
        this.remaining = Number.parseInt(size[1] as string, 16);
        return this.remaining === 0 ? 'trailers' : 'chunk-data';
      }
      case 'chunk-end':
        return bytes === 0 ? 'chunk-size' : 'off';
      case 'trailers':
        return bytes === 0 ? 'head' : 'trailers';
      default:
        return this.mode;
    }
  }

  private headLine(bytes: number, ending: number, value: string, framing: boolean): Mode {
    if (this.start === undefined) {
      // Empty lines before a request line are skipped, as Node skips them.
      if (bytes > 0) {
        this.start = value;
        this.startBytes = bytes;
      }
      return 'head';
    }
    if (bytes === 0) return this.headEnd();
    const size = bytes + ending;
    this.total += size;
    if (size > this.longest) {
      // Decoded when the head ends: most lines are the longest so far for a while.
      this.longest = size;
      this.longestRef =
        this.nameChunk !== undefined && this.nameText === ''
          ? { chunk: this.nameChunk, from: this.nameFrom, to: Math.min(this.nameTo, this.nameFrom + KEEP) }
          : this.nameText;
    }
    if (!framing) return 'head';
    const lower = this.name().toLowerCase();
    const v = value.trim();
    if (lower === 'content-length') this.contentLength = /^\d+$/.test(v) ? Number(v) : Number.NaN;
    else if (lower === 'transfer-encoding')
      this.transferEncoding = this.transferEncoding === undefined ? v : `${this.transferEncoding}, ${v}`;
    else if (lower === 'upgrade') this.upgrade = true;
    else if (/(?:^|,)\s*upgrade\s*(?:,|$)/i.test(v)) this.connectionUpgrade = true;
    return 'head';
  }

  /** The head is complete: it is recorded, and its framing says what follows it. */
  private headEnd(): Mode {
    const start = this.start ?? '';
    this.pending.push({
      start,
      startBytes: this.startBytes,
      total: this.total,
      longest: this.longest,
      longestName:
        typeof this.longestRef === 'string'
          ? this.longestRef
          : this.longestRef.chunk.toString('latin1', this.longestRef.from, this.longestRef.to),
    });
    const te = this.transferEncoding;
    const length = this.contentLength;
    const tunnel = start.startsWith('CONNECT ') || (this.upgrade && this.connectionUpgrade);
    this.start = undefined;
    this.startBytes = 0;
    this.total = 0;
    this.longest = 0;
    this.longestRef = '';
    this.contentLength = 0;
    this.transferEncoding = undefined;
    this.upgrade = false;
    this.connectionUpgrade = false;
    if (this.pending.length > MAX_PENDING) {
      this.pending.length = 0;
      return 'off';
    }
    // After an upgrade the bytes are a tunnel's; a Content-Length Node would refuse ends the connection.
    if (tunnel || Number.isNaN(length)) return 'off';
    if (te !== undefined) {
      // Node accepts a request body only when chunked is the last coding.
      return /(?:^|,)\s*chunked\s*$/i.test(te) ? 'chunk-size' : 'off';
    }
    if (length === 0) return 'head';
    this.remaining = length;
    return 'fixed';
  }
}

const scanners = new WeakMap<object, HeadScanner>();

/**
 * Measures the request heads of a connection (for HTTPS, of the decrypted stream). The listener goes before
 * Node's own, so a head is measured before Node emits its request. (Listening makes Node read the socket in
 * JavaScript rather than hand it to its parser directly; no cost shows in the serve bench.)
 */
export function scanConnection(socket: Socket): void {
  const scanner = new HeadScanner();
  scanners.set(socket, scanner);
  socket.prependListener('data', (chunk: Buffer) => scanner.feed(chunk));
}

/** The measured head of the request Node has just parsed on `socket`, when the scanner can vouch for it. */
export function measuredHead(socket: object | null, method: string, target: string): HeadSize | undefined {
  return socket ? scanners.get(socket)?.take(method, target) : undefined;
}
