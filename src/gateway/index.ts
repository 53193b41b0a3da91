/** What the CLI, the tests and the bench use of the gateway. */
export type { CompiledApi, CompiledGroup, GatewayConfig } from './compile/compiled.js';
export { compileConfig } from './compile/config.js';
export { Gateway, type GatewayOptions } from './gateway.js';
export { listen, type ListenOptions, type RunningServer } from './transport/server.js';
export {
  prepare,
  launch,
  referencedFiles,
  type Prepared,
  type PrepareOptions,
  type Launched,
  type LaunchOptions,
} from './start.js';
export { fidelityReport, ignoredFeatures, type FidelityRow, type FidelityStatus } from './compile/fidelity.js';
export { routeTable, type RouteRow } from './compile/route-table.js';
export { STAGE_ORDER, runPipeline, type StageName } from './request/pipeline.js';
export { ERRORS, type ErrorId, type GatewayFailure } from './response/errors.js';
export {
  manualClock,
  systemClock,
  virtualClock,
  randomIds,
  type Clock,
  type IdSource,
  type VirtualClock,
} from './clock.js';
export { CLOCK_PATH, parseInstant, parseDuration } from './transport/admin.js';
export type { GatewayEvent, RequestEvent, EventSink } from './response/events.js';
export type { TraceEvent } from './request/trace.js';
