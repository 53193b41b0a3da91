/**
 * A chunked request body has no Content-Length to check up front, so it is counted as it streams to the
 * backend; passing `request_body_size` ends the upload and the request answers 413 (ruling 9).
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';

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

/** Reads a whole body (for FUNCTION events), refusing more than `limit` bytes. */
export async function readBody(body: Readable | null, limit: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let seen = 0;
  for await (const chunk of body) {
    const b = chunk as Buffer;
    seen += b.length;
    if (seen > limit) throw new BodyTooLarge(limit);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export function isBodyTooLarge(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = (e as Error & { cause?: unknown }).cause, depth++) {
    if (e instanceof BodyTooLarge) return true;
  }
  return false;
}
