/** Compiles an API's backend for one environment into a plan (plan.ts), or says why it cannot be called. */
import { DEFAULT_BACKEND_TIMEOUT } from '../../core/defaults.js';
import type { Backend, BackendType } from '../../core/model.js';
import type { Workspace } from '../../core/workspace-model.js';
import { failure, type GatewayFailure } from '../response/errors.js';
import { parseAddress, substituteVariables, type BackendPlan, type PlanOf } from './plan.js';

export interface CompileInput {
  env: string;
  vars: Readonly<Record<string, string>>;
  workspace: Workspace;
}

export interface CompiledBackend {
  plan?: BackendPlan;
  /** Set when calls cannot succeed; answered at request time (and warned about at start-up). */
  problem?: GatewayFailure;
  warnings: string[];
}

type Compiler<K extends BackendType> = (
  b: Extract<Backend, { type: K }>,
  input: CompileInput,
  out: CompiledBackend,
) => PlanOf<K> | undefined;

function timeoutOf(t: number | undefined, ws: Workspace): number {
  return Math.min(t ?? DEFAULT_BACKEND_TIMEOUT, ws.instance.backend_timeout);
}

/** An undefined variable makes the API "无法正常调用" (002 §5.2.1); the error is not documented: we answer 502. */
function undefinedVariables(missing: Set<string>, input: CompileInput, out: CompiledBackend): boolean {
  if (missing.size === 0) return false;
  const names = [...missing].map((n) => `#${n}#`).join(', ');
  out.warnings.push(`${names} not defined in environment ${input.env}`);
  out.problem = failure(
    'BACKEND_UNAVAILABLE',
    `variable ${names} is not defined in environment ${input.env} (User Guide §5.2.1)`,
  );
  return true;
}

const COMPILERS = {
  MOCK: (b) => ({ type: 'MOCK', body: b.mock.resultContent }),
  HTTP: (b, input, out) => {
    const missing = new Set<string>();
    const written = b.http.address[0] ?? '';
    if (b.http.address.length > 1)
      out.warnings.push(`only the first of ${b.http.address.length} backend addresses is used`);
    const address = substituteVariables(written, input.vars, missing);
    const path = substituteVariables(b.http.path, input.vars, missing);
    if (undefinedVariables(missing, input, out)) return undefined;
    const parsed = parseAddress(address, b.http.scheme);
    if (!parsed) {
      out.problem = failure('BACKEND_UNAVAILABLE', `backend address ${JSON.stringify(address)} is not host[:port]`);
      out.warnings.push(`backend address ${JSON.stringify(address)} is not host[:port]`);
      return undefined;
    }
    return {
      type: 'HTTP',
      scheme: b.http.scheme,
      address: address.trim(),
      ...parsed,
      method: b.http.method,
      path,
      timeout: timeoutOf(b.http.timeout, input.workspace),
    };
  },
  'HTTP-VPC': (b, input, out) => {
    const missing = new Set<string>();
    const path = substituteVariables(b.vpc.path, input.vars, missing);
    if (undefinedVariables(missing, input, out)) return undefined;
    if (!input.workspace.vpcChannels.some((c) => c.name === b.vpc.name)) {
      out.warnings.push(`VPC channel ${b.vpc.name} is not declared in the workspace (vpcChannels)`);
      out.problem = failure('VPC_BACKEND_MISSING', `no VPC channel named ${b.vpc.name} in the workspace`);
      return undefined;
    }
    return {
      type: 'HTTP-VPC',
      scheme: b.vpc.scheme,
      channel: b.vpc.name,
      method: b.vpc.method,
      path,
      timeout: timeoutOf(b.vpc.timeout, input.workspace),
      ...(b.vpc.host !== undefined ? { host: b.vpc.host } : {}),
    };
  },
  FUNCTION: (b, input, out) => {
    const module = input.workspace.functions[b.function.functionUrn];
    if (module === undefined)
      out.warnings.push(`function ${b.function.functionUrn} has no local module (apig.yaml functions)`);
    return {
      type: 'FUNCTION',
      urn: b.function.functionUrn,
      invocation: b.function.invocationType,
      timeout: timeoutOf(b.function.timeout, input.workspace),
      base64Body: true,
      ...(b.function.version !== undefined ? { version: b.function.version } : {}),
      ...(module !== undefined ? { module } : {}),
    };
  },
  'HTTP-VPC-MEMBER-GROUP': (b, _input, out) => {
    out.problem = failure('NO_BACKEND_AVAILABLE', 'member-group VPC backends are not emulated');
    return { type: 'HTTP-VPC-MEMBER-GROUP', channel: b.memberGroup.name };
  },
} satisfies { [K in BackendType]: Compiler<K> };

export function compileBackend(
  backend: Backend | undefined,
  input: CompileInput,
  sendBodyBase64?: boolean,
): CompiledBackend {
  const out: CompiledBackend = { warnings: [] };
  if (!backend) {
    out.problem = failure('BACKEND_MISSING', 'the API has no x-apigateway-backend');
    return out;
  }
  const compile = COMPILERS[backend.type] as Compiler<typeof backend.type>;
  const plan = compile(backend as never, input, out);
  if (plan) out.plan = plan.type === 'FUNCTION' && sendBodyBase64 === false ? { ...plan, base64Body: false } : plan;
  return out;
}

/** The backend as written (before substitution), for the route table. */
export function describeBackend(backend: Backend | undefined): string {
  if (!backend) return '(none)';
  switch (backend.type) {
    case 'MOCK':
      return 'MOCK';
    case 'HTTP': {
      const { method, scheme, address, path } = backend.http;
      return `HTTP ${method} ${scheme}://${address[0] ?? ''}${path}`;
    }
    case 'HTTP-VPC':
      return `HTTP-VPC ${backend.vpc.method} ${backend.vpc.scheme}://[${backend.vpc.name}]${backend.vpc.path}`;
    case 'FUNCTION':
      return `FUNCTION ${backend.function.functionUrn} (${backend.function.invocationType})`;
    case 'HTTP-VPC-MEMBER-GROUP':
      return `HTTP-VPC-MEMBER-GROUP [${backend.memberGroup.name}]`;
  }
}
