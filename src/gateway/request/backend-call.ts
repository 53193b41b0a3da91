/** The request the gateway will send to the backend, whatever the backend type (built by stages/backend-request.ts). */
export interface BackendCall {
  /** The backend method (the front-end method when the backend says ANY). */
  method: string;
  /** The backend path, encoded for the wire, without the query string. */
  path: string;
  /** The query string for the wire, without `?` (the caller's bytes when no parameter touched it). */
  query: string;
  /**
   * Lower-case names; hop-by-hop headers and the caller's Host removed. `host` only when a backend parameter
   * sets it; else the backend driver sets Host (sentHost).
   */
  headers: Record<string, string | string[]>;
  /** Backend PATH parameter values, decoded. */
  pathParams: Record<string, string>;
}

/**
 * The Host header the backend receives: a backend parameter named Host wins (FAQ (2024) §3.7, method 2: a backend
 * addressed by IP, "添加常量参数，在HEADER中添加Host: 域名字段"), else the driver's (the address, or a VPC
 * channel's custom host or the caller's Host).
 */
export function sentHost(call: Pick<BackendCall, 'headers'>, driver: string): string {
  const set = call.headers.host;
  return typeof set === 'string' ? set : driver;
}

export function callTarget(call: Pick<BackendCall, 'path' | 'query'>): string {
  return call.query === '' ? call.path : `${call.path}?${call.query}`;
}
