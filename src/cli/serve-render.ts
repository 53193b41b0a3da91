/** How `apig serve` prints: the route table, the fidelity table and one line per gateway event. */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Workspace } from '../core/workspace-model.js';
import type { FidelityRow, GatewayEvent, RouteRow } from '../gateway/index.js';
import { secretProblem, type SecretSite } from '../workspace/secrets.js';
import type { Io } from './io.js';
import { formatDiagnosticLine } from './render-diagnostics.js';

export type LogFormat = 'pretty' | 'json';

/** Columns padded to their widest cell; the last column is not padded. */
export function columns(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  return `${rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

const ROUTE_ROWS_SHOWN = 100;

/** A word the shell passes on as written: as is when it holds nothing the shell reads, else in single quotes. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The route table; each row's URL (when the gateway listens) as a shell word, to paste after `curl`. */
export function renderRoutes(rows: readonly RouteRow[]): string {
  const withUrl = rows.some((r) => r.url !== undefined);
  const shown = rows.slice(0, ROUTE_ROWS_SHOWN).map((r) => {
    const row = [r.method, r.path, r.match, r.group, r.environments.join(',') || '(none)', r.backend];
    return withUrl ? [...row, shellWord(r.url ?? '')] : row;
  });
  const head = ['METHOD', 'PATH', 'MATCH', 'GROUP', 'ENVIRONMENTS', 'BACKEND', ...(withUrl ? ['URL'] : [])];
  const more = rows.length > ROUTE_ROWS_SHOWN ? `... and ${rows.length - ROUTE_ROWS_SHOWN} more API(s)\n` : '';
  return columns([head, ...shown]) + more;
}

/**
 * Under the route table: that calls by IP reach no group when several have no DEFAULT among them, and, when the
 * gateway listens on an address other than loopback (`address`), how curl reaches it by a `*.localhost` name.
 */
export function renderReach(o: { groups: number; byIp: boolean; address?: string }): string {
  const byIp =
    o.groups > 1 && !o.byIp
      ? `calls by IP reach no group (${o.groups} groups, none named DEFAULT): ` +
        `call each group at its local domain, as the URLs do (docs/serve.md, Local domains)\n`
      : '';
  const address =
    o.address !== undefined && o.groups > (o.byIp ? 1 : 0)
      ? `*.localhost names resolve to the loopback address, where the gateway does not listen: ` +
        `add --connect-to ::${o.address} to curl\n`
      : '';
  return byIp + address;
}

function where(list: readonly string[]): string {
  return list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} +${list.length - 3} more`;
}

export function renderFidelity(rows: readonly FidelityRow[], io: Pick<Io, 'color'>): string {
  const paint = (s: FidelityRow['status']): string =>
    s === 'emulated' ? io.color.green(s) : s === 'partial' ? io.color.yellow(s) : io.color.red(s);
  const body = columns([
    ['STATUS', 'FEATURE', 'WHERE', 'NOTE'],
    ...rows.map((r) => [r.status, r.feature, where(r.where), `${r.note} (${r.source})`]),
  ]);
  // Colour after padding, so that escape codes do not break the alignment.
  return body
    .split('\n')
    .map((line, i) =>
      i === 0 ? line : line.replace(/^(emulated|partial|ignored)/, (s) => paint(s as FidelityRow['status'])),
    )
    .join('\n');
}

/**
 * The start-up note on secrets that cannot be used (their `${ENV_VAR}` unset, or empty): each by its owner,
 * where apig.yaml writes it, and its variable. Never a value.
 */
export function renderUnusable(
  sites: readonly SecretSite[],
  ws: Pick<Workspace, 'shown' | 'rangeOf'>,
  io: Pick<Io, 'color'>,
): string {
  const head =
    `${io.color.yellow('warn')} ${sites.length} unusable secret(s): a credential matches no request ` +
    `and a signature key signs no backend call until it is set (--strict refuses to start)\n`;
  return (
    head +
    sites
      .map((u) => {
        const at = ws.rangeOf(u.path)?.start;
        const where = at ? `:${at.line + 1}:${at.character + 1}` : '';
        return `  ${ws.shown}${where}  ${u.label}: ${secretProblem(u.secret) ?? 'unusable'}\n`;
      })
      .join('')
  );
}

/** The same, in one line for an error message. */
export function unusableSummary(sites: readonly SecretSite[]): string {
  return sites.map((u) => `${u.label} (${secretProblem(u.secret) ?? 'unusable'})`).join(', ');
}

function statusColor(status: number, io: Pick<Io, 'color'>): string {
  const s = String(status);
  return status >= 500 ? io.color.red(s) : status >= 400 ? io.color.yellow(s) : io.color.green(s);
}

export function renderEvent(e: GatewayEvent, io: Pick<Io, 'color'>, showPath: (d: Diagnostic) => Diagnostic): string {
  switch (e.type) {
    case 'request': {
      const target = e.api !== undefined ? `${e.group ?? ''}/${e.api}` : '-';
      const error =
        e.errorCode !== undefined
          ? `  ${e.errorCode}${e.detail !== undefined ? ` ${io.color.dim(e.detail)}` : ''}`
          : '';
      // A response that broke off mid-body: the failure's status, and the one the client had already received.
      const cut = e.sentStatus !== undefined ? ` (cut short after ${e.sentStatus})` : '';
      const websocket = e.websocket ? ' (websocket)' : '';
      const line =
        `${statusColor(e.status, io)} ${e.method} ${e.path} → ${target} ${e.env ?? '-'} ` +
        `${Math.round(e.latencyMs)}ms${websocket}${cut}${error}  ${io.color.dim(e.requestId)}\n`;
      const trace = (e.trace ?? [])
        .map((t) => `    ${t.stage}: ${t.decision}${t.detail ? ` ${io.color.dim(JSON.stringify(t.detail))}` : ''}\n`)
        .join('');
      return line + trace;
    }
    case 'health':
      return (
        `${e.healthy ? io.color.green('healthy') : io.color.red('unhealthy')} ` +
        `channel ${e.channel} member ${e.member}: ${e.reason}\n`
      );
    case 'function-log':
      return `function ${e.urn} [${e.level}] ${e.message}  ${io.color.dim(e.requestId)}\n`;
    case 'function-error':
      return `${io.color.red('function error')} ${e.urn}: ${e.message}  ${io.color.dim(e.requestId)}\n`;
    case 'reloaded': {
      const diagnostics = e.diagnostics.map((d) => `${formatDiagnosticLine(showPath(d), io)}\n`).join('');
      return `${diagnostics}reloaded: ${e.apis} API(s)\n`;
    }
    case 'reload-failed':
      return (
        e.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => `${formatDiagnosticLine(showPath(d), io)}\n`)
          .join('') + io.color.red('reload failed; still serving the last good configuration\n')
      );
    case 'warning':
      return `${io.color.yellow('warn')} ${e.message}\n`;
    case 'state':
      return e.status === 'lost' ? `${io.color.yellow('warn')} ${e.message}\n` : `${e.message}\n`;
  }
}

export function eventJson(e: GatewayEvent): string {
  return `${JSON.stringify(e)}\n`;
}

/** `--workers`: each line of a worker's log names it, `[w2] ` before the text, `"worker": 2` in JSON. */
export function workerRender(format: LogFormat, slot: number, io: Pick<Io, 'color'>): (e: GatewayEvent) => string {
  if (format === 'json') return (e) => `${JSON.stringify({ ...e, worker: slot })}\n`;
  const tag = io.color.dim(`[w${slot}]`);
  const asIs = (d: Diagnostic): Diagnostic => d;
  return (e) => renderEvent(e, io, asIs).replace(/^(?=.)/gm, `${tag} `);
}
