/**
 * How apig reads the files it reads on the user's behalf (apig.yaml, the groups' Swagger files, the files their
 * `$ref`s name, lint configurations): only regular files (a FIFO would wait forever, /dev/zero never ends), and
 * at most MAX_FILE_BYTES of them. `apig import` re-reads a group file this has already checked, to merge into
 * its text.
 */
import { constants, type Stats } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { ApigError } from '../core/errors.js';
import { parseSource, type SourceDoc } from './source.js';
import type { Diagnostic } from '../core/diagnostic.js';

/** The largest file apig reads: far beyond any real Swagger file (a 2,000-API group is about 1.5 MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_MB = MAX_FILE_BYTES / (1024 * 1024);

function openProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENXIO':
      return 'it is a socket, not a regular file; apig reads only regular files';
    default:
      return String((err as Error).message);
  }
}

/** Why a file of this kind is not read (a folder, a FIFO, a device, a socket), or undefined for a regular file. */
export function kindProblem(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'it is a folder, not a file';
  const kind = st.isFIFO()
    ? 'a FIFO (named pipe)'
    : st.isCharacterDevice()
      ? 'a character device'
      : st.isBlockDevice()
        ? 'a block device'
        : st.isSocket()
          ? 'a socket'
          : 'not a file';
  return `it is ${kind}, not a regular file; apig reads only regular files`;
}

const TOO_BIG = `it is larger than ${MAX_MB} MB (${MAX_FILE_BYTES} bytes), the most apig reads from one file`;

/** A file apig will not or cannot read, and why in a few words ("no such file", "it is a FIFO ..."). */
export class FileReadError extends ApigError {
  constructor(
    readonly shown: string,
    readonly reason: string,
  ) {
    super('input', `cannot read ${shown}: ${reason}`);
  }
}

/** Reads a regular file of at most MAX_FILE_BYTES; any other file is refused with an `input` error naming `shown`. */
export async function readBytes(file: string, shown: string = file): Promise<Buffer> {
  const fail = (why: string): FileReadError => new FileReadError(shown, why);
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the kind check below refuses it.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw fail(openProblem(err));
  }
  try {
    const st = await handle.stat();
    const kind = kindProblem(st);
    if (kind) throw fail(kind);
    if (st.size > MAX_FILE_BYTES) throw fail(TOO_BIG);
    // Read to the end, never past the cap (the file may grow while it is read).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(st.size + 1 - total, 64 * 1024));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_FILE_BYTES) throw fail(TOO_BIG);
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof ApigError) throw err;
    throw fail(openProblem(err));
  } finally {
    await handle.close();
  }
}

export async function readText(file: string, shown: string = file): Promise<string> {
  return (await readBytes(file, shown)).toString('utf8');
}

/** The path with every symbolic link resolved, or undefined when it does not exist (or cannot be resolved). */
export async function realPath(file: string): Promise<string | undefined> {
  return realpath(file).catch(() => undefined);
}

/**
 * The path with every symbolic link resolved, or why it cannot be (in readBytes's words). A path that does not
 * resolve is not read either: opening it may still succeed, as through `/proc/self/fd/N` to a deleted file,
 * and then nobody would have checked where it leads.
 */
export async function resolvedPath(
  file: string,
  shown: string = file,
): Promise<{ real: string } | { problem: string }> {
  try {
    return { real: await realpath(file) };
  } catch (err) {
    return { problem: `cannot read ${shown}: ${openProblem(err)}` };
  }
}

export async function readSource(file: string): Promise<{ doc?: SourceDoc; diagnostics: Diagnostic[] }> {
  return parseSource(file, await readText(file));
}
