/**
 * Who may use the dashboard. It can sign requests with the workspace's apps (Try it), so by default only this
 * machine: a client address outside loopback is refused unless `--ui-host` lists it. And because a page on
 * another site can point a host name at 127.0.0.1 (DNS rebinding), the Host must be `localhost`, a
 * `*.localhost` name or an IP address; a request that changes something (POST) must be JSON, from the page's
 * own origin when it says which (a cross-site form or fetch cannot send both).
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { compileIpList, ipListed, type IpList } from '../compile/ip-list.js';
import { otherOrigin } from '../transport/admin.js';

export interface UiAccess {
  /** `--ui-host`: addresses, ranges or CIDR blocks allowed besides loopback. */
  allow: IpList | undefined;
}

/** `--ui-host a,b/24`: the list, or the entries that are no address, range or CIDR. */
export function uiAccess(hosts: readonly string[]): UiAccess | { invalid: string[] } {
  if (hosts.length === 0) return { allow: undefined };
  const list = compileIpList(hosts);
  return list.invalid.length > 0 ? { invalid: list.invalid } : { allow: list };
}

export function isLoopbackAddress(address: string): boolean {
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return (colon === -1 ? host : host.slice(0, colon)).toLowerCase();
}

/** Why the request is refused (403), or undefined. */
export function refusal(req: IncomingMessage, access: UiAccess): string | undefined {
  const from = req.socket.remoteAddress ?? '';
  const plain = from.startsWith('::ffff:') ? from.slice(7) : from;
  if (!isLoopbackAddress(from) && !(access.allow && ipListed(access.allow, plain)))
    return (
      `the dashboard answers this machine only; ${plain || 'this client'} is not loopback ` +
      `(allow it with apig serve --ui-host ADDRESS or CIDR)`
    );
  const host = hostName(req.headers.host ?? '');
  if (host !== 'localhost' && !host.endsWith('.localhost') && isIP(host) === 0)
    return `the dashboard answers requests for localhost or an IP address, not for ${host || '(no Host)'}`;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return 'dashboard actions take a JSON body (Content-Type: application/json)';
    const origin = otherOrigin(req);
    if (origin !== undefined) return `dashboard actions come from the dashboard's own page, not from ${origin}`;
  }
  return undefined;
}
