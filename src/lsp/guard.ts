/**
 * What keeps one failing request from ending the session: each handler runs inside one of these, and what it throws
 * is logged to the client (window/logMessage) and answered as an error, or only logged for a notification.
 */
import {
  type CancellationToken,
  type Connection,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver/node';

/** The client's log (window/logMessage): what the server says goes there, never to standard output. */
export const remoteLog = (connection: Connection): Connection['console'] => connection.console;

const stackOf = (err: unknown): string => (err instanceof Error ? (err.stack ?? err.message) : String(err));

/** A request the client cancelled while it waited (for a lint, say) is answered as cancelled, not worked out. */
export function unlessCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/**
 * Runs a request handler: what it throws is logged and answered as an error, and the session goes on. A
 * ResponseError (cancelled, not initialized) is an answer, not a failure: it goes to the client as it is.
 */
export function guarded<P, R>(
  connection: Connection,
  name: string,
  handler: (params: P, token?: CancellationToken) => R | Promise<R>,
) {
  return async (params: P, token?: CancellationToken): Promise<R> => {
    try {
      return await handler(params, token);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      remoteLog(connection).error(`apig lsp: ${name} failed: ${stackOf(err)}`);
      throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${message}`);
    }
  };
}

/** Runs a notification handler: what it throws is logged (a notification has no answer to carry an error). */
export function quietly<P>(connection: Connection, name: string, handler: (params: P) => void) {
  return (params: P): void => {
    try {
      handler(params);
    } catch (err) {
      remoteLog(connection).error(`apig lsp: ${name} failed: ${stackOf(err)}`);
    }
  };
}
