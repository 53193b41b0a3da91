/**
 * IP lists for access control and `source` policy conditions, parsed by core `parseIpEntry` (the same
 * parser lint uses); Node's BlockList does the matching.
 */
import { BlockList } from 'node:net';
import { ipFamily, parseIpEntry } from '../../core/ip-entry.js';

export interface IpList {
  list: BlockList;
  /** Entries that parse as none of the forms (reported at start-up, never matched). */
  invalid: string[];
}

export function compileIpList(values: readonly string[]): IpList {
  const list = new BlockList();
  const invalid: string[] = [];
  for (const raw of values.flatMap((v) => v.split(','))) {
    const v = raw.trim();
    if (v === '') continue;
    const e = parseIpEntry(v);
    if (typeof e === 'string') invalid.push(v);
    else if (e.kind === 'subnet') list.addSubnet(e.network, e.prefix, e.family);
    else if (e.kind === 'range') list.addRange(e.from, e.to, e.family);
    else list.addAddress(e.address, e.family);
  }
  return { list, invalid };
}

export function ipListed(ips: IpList, ip: string): boolean {
  const f = ipFamily(ip);
  return f !== undefined && ips.list.check(ip, f);
}
