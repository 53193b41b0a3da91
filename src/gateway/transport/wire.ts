/** What came off the wire, as the request context starts from it (request/context.ts WireRequest). */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WireRequest } from '../request/context.js';
import { measuredHead } from './head-sizes.js';

export function wireRequest(req: IncomingMessage, scheme: 'http' | 'https'): WireRequest {
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    httpVersion: req.httpVersion,
    rawHeaders: req.rawHeaders,
    headers: req.headers,
    scheme,
    sourceIp: req.socket.remoteAddress ?? '',
    localAddress: req.socket.localAddress ?? '',
    head: measuredHead(req.socket, req.method ?? '', req.url ?? ''),
  };
}

/** A request the parser refused: only the connection is known. */
export function wireFromSocket(socket: Duplex, scheme: 'http' | 'https'): WireRequest {
  const s = socket as Socket;
  return {
    method: '',
    url: '/',
    httpVersion: '1.1',
    rawHeaders: [],
    headers: {},
    scheme,
    sourceIp: s.remoteAddress ?? '',
    localAddress: s.localAddress ?? '',
  };
}
