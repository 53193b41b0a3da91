/**
 * The four distribution algorithms of a VPC channel (002 §5.7.1): weighted round robin, weighted least
 * connections, source-IP hash and URI hash. Only healthy members with a weight above 0 take traffic.
 * The documentation names the algorithms without defining them; these are the usual definitions:
 * WRR is nginx's smooth weighted round robin; WLC picks the lowest active/weight (ties by WRR); the hashes
 * are weighted rendezvous hashing, so a member going down moves only its own share of keys.
 */
import type { LbAlgorithm } from '../../core/workspace-model.js';

export interface MemberState {
  /** `host:port` as shown in events. */
  id: string;
  host: string;
  port: number;
  weight: number;
  healthy: boolean;
  /** Requests in flight (WLC). */
  active: number;
  /** Smooth WRR state. */
  current: number;
}

function eligible(members: readonly MemberState[]): MemberState[] {
  return members.filter((m) => m.healthy && m.weight > 0);
}

function wrr(pool: readonly MemberState[]): MemberState | undefined {
  let best: MemberState | undefined;
  let total = 0;
  for (const m of pool) {
    m.current += m.weight;
    total += m.weight;
    if (!best || m.current > best.current) best = m;
  }
  if (best) best.current -= total;
  return best;
}

/** FNV-1a, 32 bits: fast and stable across runs. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function rendezvous(pool: readonly MemberState[], key: string): MemberState | undefined {
  let best: MemberState | undefined;
  let bestScore = -Infinity;
  for (const m of pool) {
    const u = (fnv1a(`${key}\u0000${m.id}`) + 0.5) / 4294967296;
    const score = m.weight / -Math.log(u);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

type Picker = (pool: MemberState[], key: { sourceIp: string; uri: string }) => MemberState | undefined;

const PICKERS = {
  WRR: (pool) => wrr(pool),
  WLC: (pool) => {
    let min = Infinity;
    for (const m of pool) min = Math.min(min, m.active / m.weight);
    return wrr(pool.filter((m) => m.active / m.weight === min));
  },
  SH: (pool, key) => rendezvous(pool, key.sourceIp),
  URI: (pool, key) => rendezvous(pool, key.uri),
} satisfies Record<LbAlgorithm, Picker>;

/** The member for this request, or undefined when none is healthy (APIG.0610). */
export function pickMember(
  algorithm: LbAlgorithm,
  members: readonly MemberState[],
  key: { sourceIp: string; uri: string },
): MemberState | undefined {
  const pool = eligible(members);
  return pool.length === 0 ? undefined : PICKERS[algorithm](pool, key);
}
