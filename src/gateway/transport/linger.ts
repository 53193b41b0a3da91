/**
 * nginx's lingering close, for an answer that ends the connection while the caller may still be sending its
 * body (a 413, or any refusal of the request itself): the answer goes out, what the caller still sends is read
 * and discarded, and only then does the connection close. Closing with unread bytes makes the kernel send a
 * reset, which can reach the client before it has read the answer: it then sees EPIPE or ECONNRESET and no
 * status at all. Bounded as nginx bounds it: `lingering_time` (30 s in all) and `lingering_timeout` (5 s
 * without data).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const LINGER_MS = 30_000;
export const LINGER_IDLE_MS = 5_000;

/** Sockets lingering after their answer, with what ends the linger. */
const lingering = new WeakMap<object, () => void>();

/**
 * Ends the linger on `socket`, if any, and says whether there was one. For the server's parser errors: a
 * client that stops mid-body (a half-close, a broken chunk) has been answered already and gets nothing more.
 */
export function stopLingering(socket: object): boolean {
  const finish = lingering.get(socket);
  finish?.();
  return finish !== undefined;
}

/** Writes `body` and ends `res` once the rest of `req`'s body has been read and discarded (or a bound passed). */
export function endAfterRequest(req: IncomingMessage, res: ServerResponse, body: string | Buffer | undefined): void {
  const socket = req.socket as IncomingMessage['socket'] | null;
  if (req.complete || req.readableEnded || req.destroyed || !socket) return void res.end(body);
  if (body !== undefined) res.write(body);
  else res.flushHeaders();
  const finish = (): void => {
    lingering.delete(socket);
    clearTimeout(total);
    clearTimeout(idle);
    req.off('data', onData);
    req.off('end', finish);
    req.off('close', finish);
    req.off('error', finish);
    res.end();
  };
  const total = setTimeout(finish, LINGER_MS);
  const idle = setTimeout(finish, LINGER_IDLE_MS);
  const onData = (): void => void idle.refresh();
  req.on('data', onData);
  req.once('end', finish);
  req.once('close', finish);
  req.once('error', finish);
  lingering.set(socket, finish);
  req.resume();
}
