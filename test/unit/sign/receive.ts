/** Turns a SignTrace into the request a server would receive (what `apig sign --send` puts on the wire). */
import type { ReceivedRequest, SignTrace } from '../../../src/sign/index.js';

export function received(trace: SignTrace, body: Uint8Array = Buffer.alloc(0)): ReceivedRequest {
  const headers: Record<string, string> = {};
  // A server lower-cases names (Node does); values arrive trimmed.
  for (const [name, value] of trace.headers) headers[name.toLowerCase()] = value;
  return { method: trace.method, rawPath: trace.wire.path, rawQuery: trace.wire.query, headers, body };
}
