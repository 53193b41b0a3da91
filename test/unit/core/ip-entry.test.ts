import { describe, expect, it } from 'vitest';
import { ipEntryProblem, parseIpEntry } from '../../../src/core/ip-entry.js';

describe('IP list entries (one parser for lint and serve)', () => {
  it.each([
    ['192.168.1.5', { kind: 'address', family: 'ipv4', address: '192.168.1.5' }],
    ['192.168.10.0/24', { kind: 'subnet', family: 'ipv4', network: '192.168.10.0', prefix: 24 }],
    ['192.168.12.12-192.168.12.19', { kind: 'range', family: 'ipv4', from: '192.168.12.12', to: '192.168.12.19' }],
    ['2001:db8::/32', { kind: 'subnet', family: 'ipv6', network: '2001:db8::', prefix: 32 }],
    ['2001:db8::1-2001:db8::ff', { kind: 'range', family: 'ipv6', from: '2001:db8::1', to: '2001:db8::ff' }],
    ['::ffff:10.0.0.1', { kind: 'address', family: 'ipv4', address: '10.0.0.1' }],
    ['fe80::1', { kind: 'address', family: 'ipv6', address: 'fe80::1' }],
    ['::ffff:10.0.0.0/104', { kind: 'subnet', family: 'ipv4', network: '10.0.0.0', prefix: 8 }],
  ])('%s parses', (entry, parsed) => expect(parseIpEntry(entry)).toEqual(parsed));

  it.each([
    ['1.2.3.400', 'is not an IP address'],
    ['10.0.0.0/33', 'prefix is at most /32'],
    ['2001:db8::/129', 'prefix is at most /128'],
    ['10.0.0.0/x', 'is not an IP address'],
    ['10.0.0.9-10.0.0.1', 'ends before it starts'],
    ['2001:db8::ff-2001:db8::1', 'ends before it starts'],
    ['2001:db8::1:0-2001:db8::ffff', 'ends before it starts'],
    ['::ffff:1.2.3.4-::ffff:1.2.3.3', 'ends before it starts'],
    ['10.0.0.1-fe80::1', 'mixes IPv4 and IPv6'],
    ['example.com', 'is not an IP address'],
    ['::ffff:10.0.0.0/64', 'needs a prefix of at least /96'],
  ])('%s is refused (%s)', (entry, why) => expect(ipEntryProblem(entry)).toContain(why));

  it('orders IPv6 range ends numerically, with :: anywhere and embedded IPv4', () => {
    expect(ipEntryProblem('::1-::2')).toBeUndefined();
    expect(ipEntryProblem('1::-1::1')).toBeUndefined();
    expect(ipEntryProblem('::1.2.3.4-::1.2.3.5')).toBeUndefined();
    expect(ipEntryProblem('::1.2.3.5-::1.2.3.4')).toContain('ends before it starts');
    expect(ipEntryProblem('2001:db8:0:0:0:0:0:ff-2001:db8::100')).toBeUndefined();
  });
});
