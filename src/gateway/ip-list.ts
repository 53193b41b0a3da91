/**
 * IP lists for access control and `source` policy conditions: single addresses, ranges `a-b` and CIDR
 * `a/n`, IPv4 or IPv6 (the v1.0 REST example mixes all three: `192.168.1.5,192.168.10.0/24,
 * 192.168.12.12-192.168.12.19`, x-apigateway.md §13). Node's BlockList does the matching.
 */
import { BlockList, isIP } from 'node:net';

export interface IpList {
  list: BlockList;
  /** Entries that are none of the three forms (reported at start-up, never matched). */
  invalid: string[];
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`. */
export function normalizeIp(ip: string): string {
  return ip.toLowerCase().startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

const family = (ip: string): 'ipv4' | 'ipv6' | undefined => (isIP(ip) === 4 ? 'ipv4' : isIP(ip) === 6 ? 'ipv6' : undefined);

export function compileIpList(values: readonly string[]): IpList {
  const list = new BlockList();
  const invalid: string[] = [];
  for (const raw of values.flatMap((v) => v.split(','))) {
    const v = raw.trim();
    if (v === '') continue;
    try {
      const slash = v.indexOf('/');
      const dash = v.indexOf('-');
      if (slash !== -1) {
        const net = normalizeIp(v.slice(0, slash).trim());
        const prefix = Number(v.slice(slash + 1));
        const f = family(net);
        if (!f || !Number.isInteger(prefix)) throw new Error(v);
        list.addSubnet(net, prefix, f);
      } else if (dash !== -1) {
        const from = normalizeIp(v.slice(0, dash).trim());
        const to = normalizeIp(v.slice(dash + 1).trim());
        const f = family(from);
        if (!f || family(to) !== f) throw new Error(v);
        list.addRange(from, to, f);
      } else {
        const ip = normalizeIp(v);
        const f = family(ip);
        if (!f) throw new Error(v);
        list.addAddress(ip, f);
      }
    } catch {
      invalid.push(v);
    }
  }
  return { list, invalid };
}

export function ipListed(ips: IpList, ip: string): boolean {
  const f = family(ip);
  return f !== undefined && ips.list.check(ip, f);
}
