/**
 * Active health checks of a VPC channel's members (002 §5.7.1, §5.7.3): every `interval` seconds each member
 * is probed (TCP connect, or an HTTP/HTTPS request whose status must be among `httpCodes`) within `timeout`
 * seconds; `unhealthyThreshold` consecutive failures take it out, `healthyThreshold` consecutive successes
 * bring it back. Members start healthy. The probe and the timer are injected; `checkNow()` runs one round
 * (tests use it instead of waiting).
 */
import type { HealthCheck } from '../../core/workspace-model.js';
import type { MemberState } from './balancer.js';

export type Probe = (member: MemberState, check: HealthCheck) => Promise<{ ok: boolean; reason: string }>;

export interface HealthCounters {
  successes: number;
  failures: number;
}

export type HealthChange = (member: MemberState, healthy: boolean, reason: string) => void;

export class HealthChecker {
  private readonly counters = new Map<MemberState, HealthCounters>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly members: readonly MemberState[],
    private readonly check: HealthCheck,
    private readonly probe: Probe,
    private readonly onChange: HealthChange,
  ) {
    for (const m of members) this.counters.set(m, { successes: 0, failures: 0 });
  }

  /** Probes every member once, now; concurrent calls share the round in progress. */
  checkNow(): Promise<void> {
    this.running ??= Promise.all(
      this.members.map(async (m) =>
        this.record(m, await this.probe(m, this.check).catch((e: unknown) => ({ ok: false, reason: String(e) }))),
      ),
    )
      .then(() => undefined)
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Applies one probe result with the thresholds. */
  record(m: MemberState, result: { ok: boolean; reason: string }): void {
    const c = this.counters.get(m);
    if (!c) return;
    if (result.ok) {
      c.failures = 0;
      c.successes++;
      if (!m.healthy && c.successes >= this.check.healthyThreshold) {
        m.healthy = true;
        this.onChange(m, true, result.reason);
      }
    } else {
      c.successes = 0;
      c.failures++;
      if (m.healthy && c.failures >= this.check.unhealthyThreshold) {
        m.healthy = false;
        this.onChange(m, false, result.reason);
      }
    }
  }

  start(): void {
    if (this.timer) return;
    void this.checkNow();
    this.timer = setInterval(() => void this.checkNow(), this.check.interval * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
