/**
 * Standard input as every input apig reads: at most 64 MB (MAX_FILE_BYTES, as for files), read no further than
 * that, so that an endless or huge stream is refused instead of filling the memory. Loaded by the commands that
 * read it (lint -, sign @-), not at start-up.
 */
import { ApigError } from '../core/errors.js';
import { MAX_FILE_BYTES } from '../oas/read.js';
import type { Io } from './io.js';

export async function readStdinCapped(io: Pick<Io, 'readStdin'>, what: string): Promise<Buffer> {
  const bytes = await io.readStdin(MAX_FILE_BYTES);
  if (bytes.length > MAX_FILE_BYTES)
    throw new ApigError('input', `${what} is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB; apig refuses it`);
  return bytes;
}
