import { callableUrl } from '../../core/callable-url.js';
import { Option, type Command } from 'commander';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { Diagnostic, LoaderCode } from '../../core/diagnostic.js';
import { ApigError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { formatDiagnosticLine } from '../render-diagnostics.js';
import type { LogFormat } from '../serve-render.js';
import type { GatewayEvent } from '../../gateway/response/events.js';
import type { FidelityRow } from '../../gateway/compile/fidelity.js';

interface ServeFlags {
  workspace?: string;
  port: string;
  host: string;
  watch?: boolean;
  trace?: boolean;
  logFormat: LogFormat;
  strict?: boolean;
  tlsCert?: string;
  tlsKey?: string;
  tlsPort?: string;
  lenientSignatures?: boolean;
  clock?: string;
  trustXff?: boolean;
  workers: string;
  state?: string;
  statePrefix?: string;
  stateFail?: string;
  ui?: boolean;
  uiHost?: string;
}

/** The loader's diagnostics about unset or empty secrets (src/workspace/secrets.ts). */
const SECRET_CODES: readonly string[] = ['unset-secret'] satisfies readonly LoaderCode[];

/** `--workers N|auto`: auto is one process per core. */
function workerCount(value: string): number {
  const n = value === 'auto' ? availableParallelism() : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new ApigError(
      'usage',
      `--workers must be a number of processes (1–256) or "auto", not ${JSON.stringify(value)}`,
    );
  return n;
}

function port(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ApigError('usage', `${flag} must be a port number (0–65535), not ${JSON.stringify(value)}`);
  return n;
}

export function registerServe(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('run the workspace as a local API gateway: routing, environments, parameters, backends, errors')
    .argument(
      '[workspace]',
      'apig.yaml, its folder, or a single Swagger file (default: apig.yaml here or in a parent folder)',
    )
    .option('-w, --workspace <path>', 'the same as the [workspace] argument, as the other commands take it')
    .option('-p, --port <n>', 'HTTP port; 0 picks a free one', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--watch',
      'reload when the workspace or a file it references changes; an invalid edit keeps the last good configuration',
    )
    .option('--trace', 'print every pipeline stage and its decision for each request')
    .addOption(new Option('--log-format <format>', 'request log format').choices(['pretty', 'json']).default('pretty'))
    .option(
      '--strict',
      'refuse to start if a configured feature would be ignored or a secret is unset; ' +
        'enforce the request protocol (APIG.0607)',
    )
    .option('--tls-cert <file>', 'PEM certificate: also serve HTTPS (with --tls-key)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--tls-port <n>', 'HTTPS port (default 8443, or 0 with --port 0)')
    .option(
      '--lenient-signatures',
      'accept the known client variants of SDK-HMAC-SHA256 (docs/sign.md, ' +
        'Lenient verification) and log which one matched',
    )
    .option(
      '--clock <time>',
      'a virtual clock starting at <time> (ISO 8601, epoch ms, or "now"); POST /_apig/clock moves it',
    )
    .option('--trust-xff', 'take the client IP from X-Forwarded-For (as instance real_ip_from_xff does)')
    .option(
      '--workers <n>',
      'processes serving the port (node:cluster), or "auto" for one per core; counters stay exact across them',
      '1',
    )
    .option(
      '--state <url>',
      'share throttle counters and AK lock-outs with other gateways in Redis: redis://[user:pass@]host:port[/db] ' +
        '(or rediss://); "memory" keeps them in this process whatever apig.yaml state: says',
    )
    .option('--state-prefix <prefix>', 'the Redis key prefix, one per workspace sharing a Redis (default apig:)')
    .addOption(
      new Option(
        '--state-fail <mode>',
        'while Redis is unreachable: count locally (open) or answer 500 (closed)',
      ).choices(['open', 'closed']),
    )
    .option('--ui', 'a dashboard at /_apig/ui: routes, live requests with traces, throttling, Try it, config')
    .option(
      '--ui-host <addresses>',
      'with --ui: clients besides this machine that may use the dashboard (addresses, ranges or CIDR, comma-separated)',
    )
    .addHelpText(
      'after',
      `
Examples:
  apig serve                                       # the workspace here on http://127.0.0.1:8080
  apig serve --watch --trace                       # reload on edits; every stage of every request
  apig serve api.yaml --port 0 --clock 2026-01-01T00:00:00Z   # one Swagger file, a free port, a fixed clock`,
    )
    .action(async (positional: string | undefined, flags: ServeFlags) => {
      const { io } = ctx;
      if (positional !== undefined && flags.workspace !== undefined && positional !== flags.workspace)
        throw new ApigError('usage', `two workspaces given (${positional} and -w ${flags.workspace}); give one`);
      const workspace = positional ?? flags.workspace;
      const httpPort = port(flags.port, '--port');
      const workers = workerCount(flags.workers);
      if (flags.uiHost !== undefined && flags.ui !== true) throw new ApigError('usage', '--ui-host goes with --ui');
      if (flags.ui === true && workers > 1)
        throw new ApigError(
          'usage',
          '--ui cannot be used with --workers: the dashboard shows the requests and counters of one process, and ' +
            'with --workers they are spread over several; run the dashboard without --workers',
        );
      if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined))
        throw new ApigError('usage', '--tls-cert and --tls-key go together');
      // Read as every file apig reads: regular files only (oas/read.ts), loaded on use.
      const { readBytes } = await import('../../oas/read.js');
      const pem = (file: string): Promise<Buffer> =>
        readBytes(resolve(io.cwd, file), file).catch((err: unknown) => {
          throw new ApigError('usage', err instanceof Error ? err.message : `cannot read ${file}`);
        });
      const tls =
        flags.tlsCert !== undefined && flags.tlsKey !== undefined
          ? {
              cert: await pem(flags.tlsCert),
              key: await pem(flags.tlsKey),
              port: port(flags.tlsPort ?? (httpPort === 0 ? '0' : '8443'), '--tls-port'),
            }
          : undefined;
      // Loaded on use, so that `apig --help` and other commands start fast.
      const { prepare, launch, routeTable, ignoredFeatures, virtualClock, parseInstant, CLOCK_PATH } = await import(
        '../../gateway/index.js'
      );
      const start =
        flags.clock === undefined ? undefined : flags.clock === 'now' ? Date.now() : parseInstant(flags.clock);
      if (flags.clock !== undefined && start === undefined)
        throw new ApigError(
          'usage',
          `--clock must be an ISO 8601 date, epoch milliseconds or "now", not ${JSON.stringify(flags.clock)}`,
        );
      const { renderEvent, renderFidelity, renderReach, renderRoutes, renderUnusable, unusableSummary, eventJson } =
        await import('../serve-render.js');
      const { displayPath } = await import('../../workspace/locate.js');
      const { untilStopped } = await import('../serve-stop.js');
      const showPath = (d: Diagnostic): Diagnostic =>
        isAbsolute(d.source) ? { ...d, source: displayPath(d.source, io.cwd) } : d;
      const prepareOptions = {
        ...(workspace !== undefined ? { path: workspace } : {}),
        cwd: io.cwd,
        env: io.env,
        allowRemoteRefs: ctx.allowRemoteRefs,
        protocolCheck: tls !== undefined || flags.strict === true,
        lenientSignatures: flags.lenientSignatures === true,
        trustXff: flags.trustXff === true,
      };
      const prepared = await prepare(prepareOptions);
      const { unusableSecrets } = await import('../../workspace/secrets.js');
      const unusable = prepared.config ? unusableSecrets(prepared.config.workspace) : [];
      // Unusable secrets get one note of their own below, so their diagnostics are not printed twice.
      for (const d of prepared.diagnostics)
        if (unusable.length === 0 || !SECRET_CODES.includes(d.code))
          io.err(`${formatDiagnosticLine(showPath(d), io)}\n`);
      if (!prepared.config) throw new ApigError('config', 'the workspace has errors; not serving');
      if (unusable.length > 0) {
        io.err(renderUnusable(unusable, prepared.config.workspace, io));
        if (flags.strict)
          throw new ApigError(
            'config',
            `--strict: ${unusable.length} secret(s) are unusable: ${unusableSummary(unusable)}`,
          );
      }
      const ignored = ignoredFeatures(prepared.fidelity);
      if (flags.strict && ignored.length > 0) {
        io.err(renderFidelity(ignored, io));
        throw new ApigError(
          'config',
          `--strict: ${ignored.length} configured feature(s) would be ignored: ` +
            `${ignored.map((r) => r.feature).join(', ')}`,
        );
      }
      const json = flags.logFormat === 'json';
      const onEvent = (e: GatewayEvent): void => io.err(json ? eventJson(e) : renderEvent(e, io, showPath));
      // The shared state store, before listening: Redis unreachable now is exit 2, with the address (masked).
      const { resolveStateSpec, describeStore } = await import('../../gateway/store/state-spec.js');
      const stateSpec = resolveStateSpec(flags, prepared.config.workspace.state);
      const { openStore } = await import('../../gateway/store/open-store.js');
      const store = stateSpec ? await openStore(stateSpec, { onEvent, virtualClock: start !== undefined }) : undefined;
      const dashboard =
        flags.ui === true ? await dashboardSettings(flags.uiHost, prepared.fidelity, io.cwd) : undefined;
      const launchOptions = {
        host: flags.host,
        port: httpPort,
        ...(tls ? { tls } : {}),
        trace: flags.trace === true,
        onEvent,
        ...(store ? { store } : {}),
        ...(flags.watch ? { watch: prepareOptions } : {}),
        ...(start !== undefined ? { virtualClock: virtualClock(start) } : {}),
        ...(dashboard ? { dashboard } : {}),
      };
      // --workers N: N processes share the port (serve-workers.ts, loaded only then).
      const launched =
        workers > 1
          ? await (await import('../serve-workers.js')).launchWorkers(prepared.config, {
              ...launchOptions,
              ...(stateSpec ? { state: stateSpec } : {}),
              workers,
              prepare: prepareOptions,
              io,
              json,
              showPath,
            })
          : await launch(prepared.config, launchOptions);
      // Before the listening line: a signal sent as soon as it shows drains and stops, never kills outright.
      const stopped = untilStopped(io, launched.close);
      // --log-format json: every line on stdout is JSON, the start-up lines included.
      for (const url of launched.server.urls)
        io.out(json ? `${JSON.stringify({ type: 'listening', url })}\n` : `apig gateway listening on ${url}\n`);
      if (stateSpec) {
        const state = { store: describeStore(stateSpec), prefix: stateSpec.prefix, fail: stateSpec.fail };
        io.out(
          json
            ? `${JSON.stringify({ type: 'state', ...state })}\n`
            : `state shared in ${state.store} (keys ${state.prefix}*, --state-fail ${state.fail})\n`,
        );
      }
      if (start !== undefined) {
        const at = new Date(start).toISOString();
        const move = `${launched.server.urls[0] ?? ''}${CLOCK_PATH}`;
        const advance = { method: 'POST', url: move, body: { advance: '60s' } };
        io.out(
          json
            ? `${JSON.stringify({ type: 'clock', at, advance })}\n`
            : `virtual clock at ${at}; move it with POST ${move} {"advance": "60s"}\n`,
        );
      }
      if (dashboard) {
        const ui = dashboardUrl(launched.server.urls[0] ?? '');
        io.out(json ? `${JSON.stringify({ type: 'ui', url: ui })}\n` : `dashboard on ${ui}\n`);
      }
      if (!isLoopback(flags.host)) {
        io.err(
          `${io.color.yellow('warn')} listening on ${flags.host}: other machines can reach this emulator; ` +
            `it is for local testing, not a gateway to expose\n`,
        );
      }
      const config = prepared.config;
      const routes = routeTable(config, launched.server.urls[0]);
      if (json) {
        const groups = config.groups.map((g) => ({
          name: g.name,
          localDomain: g.localDomain,
          domains: g.domains,
          byIp: g === config.fallback,
        }));
        io.out(`${JSON.stringify({ type: 'routes', routes, groups })}\n`);
        io.out(`${JSON.stringify({ type: 'fidelity', features: prepared.fidelity })}\n`);
      } else {
        const reach = {
          groups: config.groups.length,
          byIp: config.fallback !== undefined,
          ...(isLoopback(flags.host) || isWildcard(flags.host)
            ? {}
            : { address: new URL(launched.server.urls[0] ?? '').host }),
        };
        io.out(`\n${renderRoutes(routes)}${renderReach(reach)}`);
        io.out(`\nfidelity (docs/fidelity.md):\n${renderFidelity(prepared.fidelity, io)}\n`);
      }
      await stopped;
      ctx.setExit(EXIT.ok);
    });
}

/** `--ui-host`: the allowed clients, or exit 2 naming the entries that are no address, range or CIDR. */
async function dashboardSettings(uiHost: string | undefined, fidelity: FidelityRow[], cwd: string) {
  const { uiAccess } = await import('../../gateway/ui/access.js');
  const access = uiAccess(uiHost === undefined ? [] : uiHost.split(','));
  if ('invalid' in access)
    throw new ApigError(
      'usage',
      `--ui-host takes IP addresses, ranges or CIDR blocks; not ` +
        access.invalid.map((v) => JSON.stringify(v)).join(', '),
    );
  return { access, fidelity, cwd };
}

/** The dashboard's address: a wildcard listener is reached on loopback. */
function dashboardUrl(listening: string): string {
  return `${callableUrl(listening)}/_apig/ui/`;
}

/** Every interface, the loopback one included (so `GROUP.localhost` reaches the gateway). */
function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** 127.0.0.0/8, ::1 and localhost stay on this machine (issue 8: warn when binding elsewhere). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
