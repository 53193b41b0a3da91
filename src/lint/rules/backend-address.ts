import type { Rule } from '../types.js';
import { isIpv4, inCidr } from '../ip.js';

/**
 * host[:port], where #var# may stand for any part of either (002 §5.2.1: `#ipaddress#`, `#ipaddress##test#`).
 * A host is an IP address or a domain name: letters (any script), digits, `.`, `-` and `_`, or IPv6 in brackets.
 */
const VAR = '#[^#\\s]+#';
const ADDRESS = new RegExp(`^(\\[[0-9a-fA-F:]+\\]|(?:[\\p{L}\\p{N}._-]|${VAR})+)(?::((?:\\d|${VAR})+))?$`, 'u');
/** SDK BackendApiCreate.url_domain: at most 255 characters. */
const MAX_ADDRESS = 255;

/** Ranges the dedicated edition does not accept as backend addresses (002 §8.2.7; errors-and-limits.md §4.3). */
const FORBIDDEN_RANGES = [
  '0.0.0.0/8',
  '100.125.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '255.255.255.255/32',
];

export default {
  meta: {
    id: 'backend-address',
    category: 'backends',
    description:
      'HTTP backend addresses are host[:port] (port 1–65535, #var# allowed), at most 255 characters, ' +
      'and not in the ranges the gateway refuses.',
    source:
      'User Guide §5.2.1 "Creating an API", table 5-7 (backend address 后端服务地址: host:port, ' +
      'port 1–65535, default 80/443); API Reference: Creating an API (url_domain at most 255 characters); ' +
      'User Guide §8.2.7 and FAQ (2024) §2.7 (refused ranges)',
    rationale:
      'An address with a scheme, a path or an invalid port cannot be saved. ' +
      'Loopback, link-local and documentation ranges are refused by the gateway (private 10/8, 172.16/12 ' +
      'and 192.168/16 are listed too, but the dedicated edition reaches its own VPC, so apig does not flag them).',
  },
  create(ctx) {
    return {
      Backend(b) {
        if (b.backend.type !== 'HTTP') return;
        const { group } = b.site;
        const at = (): string => `${b.endpointAt}/address`;
        for (const address of b.backend.http.address) {
          if (address.length > MAX_ADDRESS)
            ctx.report(
              { group, path: at() },
              `backend address is ${address.length} characters long; at most ${MAX_ADDRESS} are allowed ` +
                '(API Reference: Creating an API)',
            );
          const m = ADDRESS.exec(address);
          if (!m) {
            ctx.report(
              { group, path: at() },
              `backend address "${address}" must be host[:port], without a scheme or path (User Guide §5.2.1)`,
            );
            continue;
          }
          // Only the literal parts can be checked: a variable is substituted at publish time.
          const port = m[2] === undefined || !/^\d+$/.test(m[2]) ? undefined : Number(m[2]);
          if (port !== undefined && (port < 1 || port > 65535))
            ctx.report({ group, path: at() }, `backend port ${port} is outside 1–65535`);
          const host = m[1] ?? '';
          if (isIpv4(host)) {
            const range = FORBIDDEN_RANGES.find((r) => inCidr(host, r));
            if (range)
              ctx.report(
                { group, path: at() },
                `backend address ${host} is in ${range}, which the gateway refuses ` +
                  `(User Guide §8.2.7); apig serve still reaches it locally`,
              );
          }
        }
      },
    };
  },
} satisfies Rule;
