/**
 * `request_body_size` (ruling 9) wherever a body is read: a chunked body has no Content-Length to check up
 * front, so it is counted as it streams to the backend, or as it is read whole (a FUNCTION event, a signature,
 * an authorizer with need_body) or discarded (Mock); passing the limit answers 413.
 *
 * A reader that gives up never destroys the request: that would close the socket before the 413 is written.
 * The stream is left flowing, so the rest of the body is discarded until the adapter closes
 * (transport/http-adapter.ts).
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { failure, type GatewayFailure } from '../response/errors.js';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

export function limitBody(body: Readable, limit: number): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) done(new BodyTooLarge(limit));
      else done(null, chunk);
    },
  });
  body.on('error', (e) => counter.destroy(e));
  return body.pipe(counter);
}

/** Reads a body to its end, keeping the bytes or only counting them; more than `limit` bytes rejects. */
function consume(body: Readable, limit: number, keep: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (body.readableEnded) return resolve(Buffer.alloc(0));
    if (body.destroyed) return reject(new Error('the request body ended early (the client closed the connection)'));
    const chunks: Buffer[] = [];
    let seen = 0;
    const stop = (): void => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      body.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.length;
      if (seen > limit) {
        stop();
        reject(new BodyTooLarge(limit));
      } else if (keep) chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (err: Error): void => {
      stop();
      reject(err);
    };
    // A request whose client went away closes without ending.
    const onClose = (): void => onError(new Error('the request body ended early (the client closed the connection)'));
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
    body.once('close', onClose);
  });
}

/** Reads a whole body (FUNCTION events, signatures, authorizers), refusing more than `limit` bytes. */
export async function readBody(body: Readable | null, limit: number): Promise<Buffer> {
  return body ? consume(body, limit, true) : Buffer.alloc(0);
}

/** Reads a body to its end and discards it (a Mock answers after the whole request, as nginx reads it first). */
export async function discardBody(body: Readable, limit: number): Promise<void> {
  await consume(body, limit, false);
}

export function isBodyTooLarge(err: unknown): boolean {
  for (
    let e: unknown = err, depth = 0;
    e instanceof Error && depth < 4;
    e = (e as Error & { cause?: unknown }).cause, depth++
  ) {
    if (e instanceof BodyTooLarge) return true;
  }
  return false;
}

/** A failed read of the caller's body as the gateway answers it. */
export function bodyFailure(err: unknown): GatewayFailure {
  if (isBodyTooLarge(err)) return failure('ENTITY_TOO_LARGE', 'the request body passed request_body_size');
  return failure('REQUEST_INVALID', `reading the request body: ${err instanceof Error ? err.message : String(err)}`);
}
