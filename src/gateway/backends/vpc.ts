/**
 * HTTP-VPC backends: a VPC channel of the workspace (apig.yaml `vpcChannels`), its members and weights, a
 * distribution algorithm (balancer.ts) and optional active health checks (health.ts). No healthy member
 * answers 502 APIG.0610 "No backend available." (errors-and-limits.md §1.1). The Host header is the channel's
 * custom host, else the caller's own Host (002 §5.2.1 表5-7).
 */
import { Readable } from 'node:stream';
import type { VpcChannel } from '../../core/workspace-model.js';
import type { BackendCall } from '../request/backend-call.js';
import { requestHost } from '../request/context.js';
import { failure, type GatewayFailure } from '../response/errors.js';
import type { EventSink } from '../response/events.js';
import { pickMember, type MemberState } from './balancer.js';
import { HealthChecker, type Probe } from './health.js';
import { forward } from './http.js';
import type { PlanOf } from './plan.js';
import type { ChannelRuntime, Dispatched, DispatchInput } from './result.js';

export function channelRuntime(channel: VpcChannel, probe: Probe, emit: EventSink): ChannelRuntime {
  const members = channel.members.map((m): MemberState => {
    const port = m.port ?? channel.port;
    return { id: `${m.host}:${port}`, host: m.host, port, weight: m.weight, healthy: true, active: 0, current: 0 };
  });
  const rt: ChannelRuntime = { channel, members };
  if (channel.healthCheck) {
    rt.health = new HealthChecker(members, channel.healthCheck, probe, (m, healthy, reason) => {
      emit({ type: 'health', channel: channel.name, member: m.id, healthy, reason });
    });
  }
  return rt;
}

/** The member this request goes to, with the Host header to send; or the failure to answer. */
export function chooseMember(
  plan: PlanOf<'HTTP-VPC'>,
  input: Pick<DispatchInput, 'ctx' | 'runtime'>,
): { member: MemberState; host: string } | { failure: GatewayFailure } {
  const rt = input.runtime.channels.get(plan.channel);
  if (!rt) return { failure: failure('VPC_BACKEND_MISSING', `no VPC channel named ${plan.channel}`) };
  const { ctx } = input;
  const member = pickMember(rt.channel.algorithm, rt.members, { sourceIp: ctx.sourceIp, uri: ctx.url });
  if (!member) {
    const down = rt.members.filter((m) => !m.healthy).length;
    return {
      failure: failure(
        'NO_BACKEND_AVAILABLE',
        `channel ${plan.channel}: no member takes traffic ` +
          `(${down} of ${rt.members.length} unhealthy, the rest weight 0)`,
      ),
    };
  }
  return { member, host: plan.host ?? requestHost(ctx) ?? member.id };
}

export async function dispatchVpc(plan: PlanOf<'HTTP-VPC'>, input: DispatchInput): Promise<Dispatched> {
  const chosen = chooseMember(plan, input);
  if ('failure' in chosen) return { ok: false, failure: chosen.failure, upstream: `[${plan.channel}]` };
  const { member, host } = chosen;
  // In flight until the response body is done (weighted least connections counts open requests).
  member.active++;
  const out = await forward(
    { scheme: plan.scheme, hostname: member.host, port: member.port, host },
    input.call as BackendCall,
    plan.timeout,
    input,
  );
  if (out.ok && out.body instanceof Readable)
    out.body.once('close', () => {
      member.active--;
    });
  else member.active--;
  return { ...out, upstream: `[${plan.channel}] ${out.upstream ?? member.id}` };
}
