/** The request the gateway will send to the backend, whatever the backend type (built by stages/backend-request.ts). */
export interface BackendCall {
  /** The backend method (the front-end method when the backend says ANY). */
  method: string;
  /** The backend path, encoded for the wire, without the query string. */
  path: string;
  /** The query string for the wire, without `?` (the caller's bytes when no parameter touched it). */
  query: string;
  /** Lower-case names; hop-by-hop headers and Host removed (the backend driver sets Host). */
  headers: Record<string, string | string[]>;
  /** Backend PATH parameter values, decoded. */
  pathParams: Record<string, string>;
}

export function callTarget(call: Pick<BackendCall, 'path' | 'query'>): string {
  return call.query === '' ? call.path : `${call.path}?${call.query}`;
}
