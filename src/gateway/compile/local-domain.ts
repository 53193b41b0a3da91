/**
 * Each group's local domain, `LABEL.localhost`, which picks the group beside the domains it binds: as the gateway
 * gives every group a debugging domain (002 §5.1.1, §5.1.2), apig gives every group a name that reaches it on this
 * machine, since curl and browsers resolve any `*.localhost` name to the loopback address (RFC 6761 §6.3).
 *
 * The label is the group's name made a DNS label: accents dropped (`Café` → `cafe`), lower case, every run of
 * characters other than letters and digits (`_`, `.`, spaces, `()`) one `-`, no `-` at either end; letters
 * outside ASCII (a Chinese name) in their IDNA form (`订单` → `xn--4kr132k`); at most 63 characters; `group` when
 * nothing is left. Two groups whose names give one label (`Shop` and `shop`), or a label that another group binds
 * in its `domains`: the first group in apig.yaml keeps it, the next gets `-2` (`shop-2.localhost`), then `-3`,
 * and start-up warns.
 */
import { domainToASCII } from 'node:url';
import { domainKey } from './compiled.js';

export const LOCAL_SUFFIX = '.localhost';
const MAX_LABEL = 63;

/** The name reduced to letters, digits and single hyphens, lower case, accents dropped. */
function reduce(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** `base` + `suffix` as one ASCII label of at most 63 characters, `base` shortened (never the suffix) to fit. */
function encode(base: string, suffix: string): string {
  const chars = [...base];
  for (let n = chars.length; n > 0; n--) {
    const text = `${chars.slice(0, n).join('').replace(/-+$/, '')}${suffix}`;
    const ascii = /^[a-z0-9-]*$/.test(text) ? text : domainToASCII(text);
    if (ascii !== '' && ascii.length <= MAX_LABEL) return ascii;
  }
  return `group${suffix}`;
}

/** The local domain a group named `name` asks for, before collisions are settled. */
export function localDomainOf(name: string): string {
  return `${encode(reduce(name), '')}${LOCAL_SUFFIX}`;
}

export interface LocalDomainClash {
  group: string;
  wanted: string;
  given: string;
  /** The group that keeps `wanted`, and whether it binds it in `domains` (else it is that group's local domain). */
  holder: string;
  bound: boolean;
}

/**
 * The local domain of each group, in order: its own unless an earlier group took it or another group binds it,
 * else the first `-N` that no group asks for or binds.
 */
export function localDomains(groups: ReadonlyArray<{ name: string; domains: readonly string[] }>): {
  hosts: string[];
  clashes: LocalDomainClash[];
} {
  const boundBy = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const d of g.domains) if (!boundBy.has(domainKey(d))) boundBy.set(domainKey(d), i);
  });
  const bases = groups.map((g) => reduce(g.name));
  const wanted = groups.map((g) => localDomainOf(g.name));
  const reserved = new Set([...wanted, ...boundBy.keys()]);
  const taken = new Map<string, number>();
  const clashes: LocalDomainClash[] = [];
  const hosts = groups.map((g, i) => {
    const own = wanted[i] as string;
    const binder = boundBy.get(own);
    const holder = taken.get(own) ?? (binder !== undefined && binder !== i ? binder : undefined);
    let host = own;
    if (holder !== undefined) {
      for (let n = 2; reserved.has(host) || taken.has(host); n++)
        host = `${encode(bases[i] ?? '', `-${n}`)}${LOCAL_SUFFIX}`;
      clashes.push({
        group: g.name,
        wanted: own,
        given: host,
        holder: groups[holder]?.name ?? '',
        bound: !taken.has(own),
      });
    }
    taken.set(host, i);
    return host;
  });
  return { hosts, clashes };
}
