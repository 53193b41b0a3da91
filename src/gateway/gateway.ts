/**
 * The gateway runtime: the current configuration (swapped whole on reload, so a request in flight finishes
 * with the configuration it started with), the injected clock, id source and upstream dispatcher, the VPC
 * channels' balancers and health checkers, and the function modules. Socket-free: transport/server.ts feeds it.
 */
import type { Readable } from 'node:stream';
import { Agent, type Dispatcher } from 'undici';
import { dispatch } from './backends/dispatch.js';
import { FunctionModules } from './backends/function-modules.js';
import type { Probe } from './backends/health.js';
import { defaultProbe } from './backends/probe.js';
import type { ChannelRuntime, Dispatched, Runtime } from './backends/result.js';
import { channelRuntime } from './backends/vpc.js';
import { systemClock, randomIds, type Clock, type IdSource, type VirtualClock } from './clock.js';
import type { GatewayConfig } from './compile/compiled.js';
import { currentBackend, newContext, type RequestContext, type WireRequest } from './request/context.js';
import type { EventSink } from './response/events.js';
import { newState, type GatewayState, type Services } from './state.js';
import type { StateStore } from './store/store.js';
import type { DashboardHooks } from './ui/hooks.js';

export interface GatewayOptions {
  clock?: Clock;
  ids?: IdSource;
  /** The upstream dispatcher; default: a pooled keep-alive undici Agent owned (and closed) by the gateway. */
  dispatcher?: Dispatcher;
  onEvent?: EventSink;
  /** Collect the trace of every request (--trace); otherwise only for requests that ask for it. */
  trace?: boolean;
  probe?: Probe;
  /** Start health-check timers (default true; tests drive `checkNow()` instead). */
  healthTimers?: boolean;
  /** `--clock`: the gateway's clock, and POST /_apig/clock moves it (transport/admin.ts). */
  virtualClock?: VirtualClock;
  /** Where throttling counters and AK lock-outs live; default: in this process (store/memory-store.ts). */
  store?: StateStore;
  /** `--ui`: the dashboard (ui/dashboard.ts) serves /_apig/ui and is handed every finished request. */
  ui?: DashboardHooks;
}

export class Gateway {
  private current: GatewayConfig;
  private generation = 0;
  private channels = new Map<string, ChannelRuntime>();
  private readonly ownDispatcher: boolean;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly dispatcher: Dispatcher;
  readonly emit: EventSink;
  /** Whether anyone listens: request events are not even built otherwise. */
  reporting: boolean;
  traceAll: boolean;
  private readonly hostReporting: boolean;
  private readonly hostTrace: boolean;
  private readonly probe: Probe;
  private readonly healthTimers: boolean;
  private functions: FunctionModules;
  /** Counters, caches and lockouts: kept across reloads. */
  readonly state: GatewayState;
  private services: Services;
  readonly virtualClock: VirtualClock | undefined;
  /** `--ui`; undefined otherwise, and the request path then does nothing for it. */
  readonly ui: DashboardHooks | undefined;
  private shuttingDown = false;
  /** The ports the server listens on: calls to them are calls to itself (APIG.0612). */
  private readonly selfPorts = new Set<number>();

  constructor(config: GatewayConfig, options: GatewayOptions = {}) {
    this.state = newState(options.store);
    this.virtualClock = options.virtualClock;
    this.clock = options.virtualClock ?? options.clock ?? systemClock;
    this.ids = options.ids ?? randomIds();
    this.ownDispatcher = options.dispatcher === undefined;
    // Backend certificates are not verified: the gateway's behaviour is not documented and local backends are
    // usually self-signed (docs/serve.md).
    this.dispatcher =
      options.dispatcher ?? new Agent({ keepAliveTimeout: 10_000, connect: { rejectUnauthorized: false } });
    this.emit = options.onEvent ?? (() => undefined);
    this.ui = options.ui;
    this.hostReporting = this.reporting = options.onEvent !== undefined;
    this.hostTrace = this.traceAll = options.trace ?? false;
    this.probe = options.probe ?? defaultProbe(this.dispatcher);
    this.healthTimers = options.healthTimers ?? true;
    this.current = config;
    this.functions = new FunctionModules(0);
    this.services = this.makeServices();
    this.install(config);
  }

  private makeServices(): Services {
    return { state: this.state, functions: this.functions, dispatcher: this.dispatcher, emit: this.emit };
  }

  get config(): GatewayConfig {
    return this.current;
  }

  /** Whether the gateway is shutting down: answers then close their connection. */
  get closing(): boolean {
    return this.shuttingDown;
  }

  /** From now on every answer is its connection's last (the server stops accepting and drains). */
  startClosing(): void {
    this.shuttingDown = true;
  }

  /**
   * `--ui`: a dashboard page is open (it then wants every request's event and trace), or none is any more (the
   * request path goes back to what the host asked for).
   */
  watched(on: boolean): void {
    this.reporting = this.hostReporting || on;
    this.traceAll = this.hostTrace || on;
  }

  /** The server listens on `port` (each listener, once it is up). */
  listensOn(port: number): void {
    this.selfPorts.add(port);
  }

  /** The VPC channels of the current configuration (health state included). */
  channel(name: string): ChannelRuntime | undefined {
    return this.channels.get(name);
  }

  /** Serves a new configuration from the next request on. */
  use(config: GatewayConfig): void {
    for (const c of this.channels.values()) c.health?.stop();
    this.current = config;
    this.generation++;
    this.functions = new FunctionModules(this.generation);
    this.services = this.makeServices();
    this.install(config);
  }

  private install(config: GatewayConfig): void {
    this.channels = new Map(
      config.workspace.vpcChannels.map((c) => [c.name, channelRuntime(c, this.probe, this.emit)]),
    );
    if (this.healthTimers) for (const c of this.channels.values()) c.health?.start();
  }

  begin(wire: WireRequest, traceAsked: boolean): RequestContext {
    return newContext(this.current, wire, this.ids(), this.clock.now(), this.traceAll || traceAsked, this.services);
  }

  runtime(config: GatewayConfig): Runtime {
    return {
      dispatcher: this.dispatcher,
      clock: this.clock,
      channels: this.channels,
      functions: this.functions,
      emit: this.emit,
      bodyLimit: config.limits.bodyBytes,
      selfPorts: this.selfPorts,
    };
  }

  /** Sends the request the pipeline built to the backend it chose. */
  dispatch(ctx: RequestContext, body: Readable | null): Promise<Dispatched> | Dispatched {
    return dispatch(currentBackend(ctx)?.plan, { ctx, call: ctx.call, body, runtime: this.runtime(ctx.config) });
  }

  private closed: Promise<void> | undefined;
  private cut = false;

  /**
   * Stops health checks, the upstream pool and the state store, once. `now`: backend calls still in flight are
   * cut instead of awaited (a second Ctrl-C or SIGTERM: "stop now"), also when a graceful close is under way.
   */
  close(now = false): Promise<void> {
    if (now && this.ownDispatcher && !this.cut) {
      this.cut = true;
      void this.dispatcher.destroy().catch(() => undefined);
    }
    this.closed ??= (async () => {
      for (const c of this.channels.values()) c.health?.stop();
      if (this.ownDispatcher) await this.dispatcher.close().catch(() => undefined);
      await this.state.store.close();
    })();
    return this.closed;
  }
}
