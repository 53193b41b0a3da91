/** What the CLI, the tests and the bench use of the gateway. */
export { compileConfig, type GatewayConfig, type CompiledApi, type CompiledGroup } from './config.js';
export { Gateway, type GatewayOptions } from './gateway.js';
export { listen, type ListenOptions, type RunningServer } from './server.js';
export { prepare, launch, referencedFiles, type Prepared, type PrepareOptions, type Launched, type LaunchOptions } from './start.js';
export { fidelityReport, ignoredFeatures, type FidelityRow, type FidelityStatus } from './fidelity.js';
export { routeTable, type RouteRow } from './route-table.js';
export { STAGE_ORDER, runPipeline, type StageName } from './pipeline.js';
export { ERRORS, type ErrorId, type GatewayFailure } from './errors.js';
export { manualClock, systemClock, virtualClock, randomIds, type Clock, type IdSource, type VirtualClock } from './clock.js';
export { CLOCK_PATH, parseInstant, parseDuration } from './admin.js';
export type { GatewayEvent, RequestEvent, EventSink } from './events.js';
export type { TraceEvent } from './trace.js';
