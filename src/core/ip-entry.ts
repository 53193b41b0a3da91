/**
 * One entry of an IP list (access-control values, `source` policy conditions): an address, a CIDR block
 * `a/n` or a range `a-b`, IPv4 or IPv6 (the v1.0 REST example mixes the three IPv4 forms: `192.168.1.5,
 * 192.168.10.0/24,192.168.12.12-192.168.12.19`, x-apigateway.md §13). IPv6 is not documented either way
 * (api-model.md, 002 §5.4.1); apig accepts it in lint and serve alike (docs/rulings.md).
 */
import { isIP } from 'node:net';

export type IpFamily = 'ipv4' | 'ipv6';

export type IpEntry =
  | { kind: 'address'; family: IpFamily; address: string }
  | { kind: 'subnet'; family: IpFamily; network: string; prefix: number }
  | { kind: 'range'; family: IpFamily; from: string; to: string };

/** `::ffff:10.0.0.1` (an IPv4 address written as IPv4-mapped IPv6, as dual-stack sockets report it) is `10.0.0.1`. */
export function normalizeIp(ip: string): string {
  return ip.toLowerCase().startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

/**
 * An address in one spelling, or undefined when it is none: IPv6 compressed and lower-case, without a zone
 * (`fe80::1%eth0`: a zone names an interface of the machine that wrote it, not a client), and IPv4-mapped IPv6 as
 * IPv4. For X-Forwarded-For, whose text the client writes and which keys the per-IP throttle counters: kept as
 * sent, one address could be spelt many ways, each with its own count, and a zone of 30 KB made each key 30 KB.
 */
export function canonicalIp(written: string): string | undefined {
  const zone = written.indexOf('%');
  const ip = normalizeIp(zone === -1 ? written : written.slice(0, zone));
  const family = isIP(ip);
  if (family !== 6) return family === 4 ? ip : undefined;
  try {
    return normalizeIp(ipv4Mapped(new URL(`http://[${ip}]/`).hostname.slice(1, -1)));
  } catch {
    return undefined;
  }
}

/** `::ffff:a00:1` (how URL writes an IPv4-mapped address) → `::ffff:10.0.0.1`, which normalizeIp reads. */
function ipv4Mapped(ip: string): string {
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (!m) return ip;
  const hi = Number.parseInt(m[1] as string, 16);
  const lo = Number.parseInt(m[2] as string, 16);
  return `::ffff:${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function ipFamily(ip: string): IpFamily | undefined {
  const v = isIP(ip);
  return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : undefined;
}

/** The address as an unsigned integer (32 or 128 bits), for ordering range ends. */
function ipValue(ip: string, family: IpFamily): bigint {
  if (family === 'ipv4') return ip.split('.').reduce((acc, p) => acc * 256n + BigInt(p), 0n);
  const [head = '', tail] = ip.split('::');
  const groups = (s: string): string[] =>
    (s === '' ? [] : s.split(':')).flatMap((g) => {
      if (!g.includes('.')) return [g];
      const v4 = g.split('.').map(Number) as [number, number, number, number];
      return [((v4[0] << 8) | v4[1]).toString(16), ((v4[2] << 8) | v4[3]).toString(16)];
    });
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return all.reduce((acc, g) => acc * 65536n + BigInt(parseInt(g, 16)), 0n);
}

/** Parses one entry (already trimmed); a string says what is wrong with it. */
export function parseIpEntry(entry: string): IpEntry | string {
  const bad = `"${entry}" is not an IP address, a CIDR block (a/n) or a range (a-b)`;
  const slash = entry.indexOf('/');
  if (slash !== -1) {
    const written = entry.slice(0, slash);
    const network = normalizeIp(written);
    const bits = entry.slice(slash + 1);
    const family = ipFamily(network);
    if (!family || !/^\d{1,3}$/.test(bits)) return bad;
    // An IPv4-mapped block (`::ffff:10.0.0.0/104`) counts its prefix in IPv6 bits: 96 of them are the mapping.
    const mapped = family === 'ipv4' && ipFamily(written) === 'ipv6';
    if (mapped && Number(bits) < 96) return `"${entry}": an IPv4-mapped block needs a prefix of at least /96`;
    const prefix = mapped ? Number(bits) - 96 : Number(bits);
    const max = family === 'ipv4' ? 32 : 128;
    if (prefix > max) return `"${entry}": an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} prefix is at most /${max}`;
    return { kind: 'subnet', family, network, prefix };
  }
  // An IPv6 address holds no `-`, so the first one splits a range.
  const dash = entry.indexOf('-');
  if (dash !== -1) {
    const from = normalizeIp(entry.slice(0, dash));
    const to = normalizeIp(entry.slice(dash + 1));
    const family = ipFamily(from);
    if (!family || ipFamily(to) === undefined) return bad;
    if (ipFamily(to) !== family) return `range ${entry} mixes IPv4 and IPv6`;
    if (ipValue(from, family) > ipValue(to, family)) return `range ${entry} ends before it starts`;
    return { kind: 'range', family, from, to };
  }
  const address = normalizeIp(entry);
  const family = ipFamily(address);
  return family ? { kind: 'address', family, address } : bad;
}

/** What is wrong with an entry, or undefined when it parses. */
export function ipEntryProblem(entry: string): string | undefined {
  const parsed = parseIpEntry(entry);
  return typeof parsed === 'string' ? parsed : undefined;
}
