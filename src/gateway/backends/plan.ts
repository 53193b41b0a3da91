/**
 * A backend as compiled for one environment: `#var#` already replaced (002 §5.5.1: substitution happens at
 * publish time), the timeout capped by the instance's `backend_timeout` (002 §3.2).
 */
import type { ApiMethod, BackendType, InvocationType, Scheme } from '../../core/model.js';

export interface MockPlan {
  type: 'MOCK';
  body: string;
}

export interface HttpPlan {
  type: 'HTTP';
  scheme: Scheme;
  /** `host[:port]` as written after substitution: also the Host header sent (api-model.md §3.2). */
  address: string;
  hostname: string;
  port: number;
  method: ApiMethod;
  path: string;
  timeout: number;
}

export interface VpcPlan {
  type: 'HTTP-VPC';
  scheme: Scheme;
  channel: string;
  method: ApiMethod;
  path: string;
  timeout: number;
  /** Custom Host header; default: the caller's Host (002 §5.2.1 表5-7). */
  host?: string;
}

export interface FunctionPlan {
  type: 'FUNCTION';
  urn: string;
  version?: string;
  /** Local module implementing the function (apig.yaml `functions`), if any. */
  module?: string;
  invocation: InvocationType;
  timeout: number;
  /** x-apigateway-is-send-fg-body-base64 (x-apigateway.md §6); default true. */
  base64Body: boolean;
}

export interface MemberGroupPlan {
  type: 'HTTP-VPC-MEMBER-GROUP';
  channel: string;
}

export type BackendPlan = MockPlan | HttpPlan | VpcPlan | FunctionPlan | MemberGroupPlan;
export type PlanOf<K extends BackendType> = Extract<BackendPlan, { type: K }>;

/** `#name#` references (002 §5.2.1; names are case-sensitive). */
const VAR = /#([^#\s/]+)#/g;

export function substituteVariables(
  text: string,
  vars: Readonly<Record<string, string>>,
  missing: Set<string>,
): string {
  return text.replace(VAR, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) {
      missing.add(name);
      return whole;
    }
    return v;
  });
}

/** `host`, `host:port` or `[v6]:port`; the port defaults to 80/443 by scheme (002 §5.2.1). */
export function parseAddress(address: string, scheme: Scheme): { hostname: string; port: number } | undefined {
  const m = /^(\[[^\]]+\]|[^:/\s]+)(?::(\d{1,5}))?$/.exec(address.trim());
  if (!m) return undefined;
  const port = m[2] !== undefined ? Number(m[2]) : scheme === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) return undefined;
  return { hostname: (m[1] as string).replace(/^\[|\]$/g, ''), port };
}
