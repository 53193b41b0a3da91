/**
 * The Config view: the workspace, listening address, clock, environments, the apps Try it may use (names and
 * keys: no secret), the fidelity table, and the last reload (when, whether the edit was taken, its diagnostics).
 */
import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { FidelityRow } from '../compile/fidelity.js';
import type { Gateway } from '../gateway.js';

export interface DiagnosticView {
  severity: string;
  code: string;
  message: string;
  /** `file:line:col`. */
  at: string;
}

export interface ReloadView {
  at: string;
  /** false: the edit was rejected and the last good configuration still serves. */
  ok: boolean;
  apis?: number;
  diagnostics: DiagnosticView[];
}

export function diagnosticView(d: Diagnostic, cwd: string): DiagnosticView {
  const file = isAbsolute(d.source) ? relative(cwd, d.source) || d.source : d.source;
  const pos = d.range ? `:${d.range.start.line + 1}:${d.range.start.character + 1}` : '';
  return { severity: d.severity, code: d.code, message: d.message, at: `${file}${pos}` };
}

export function configView(
  gw: Gateway,
  facts: { listening: string; watch: boolean; fidelity: FidelityRow[] },
  reload: ReloadView | undefined,
  kept: { size: number; capacity: number },
): unknown {
  const ws = gw.config.workspace;
  return {
    workspace: ws.shown,
    listening: facts.listening,
    watch: facts.watch,
    virtualClock: gw.virtualClock !== undefined,
    now: new Date(gw.clock.now()).toISOString(),
    environments: [...gw.config.environments],
    apps: ws.apps.map((a) => ({
      name: a.name,
      key: a.key,
      signs: a.secret.value !== undefined,
      appCode: a.appCodes.some((c) => c.value !== undefined),
    })),
    fidelity: facts.fidelity,
    ...(reload ? { reload } : {}),
    kept: { requests: kept.size, capacity: kept.capacity },
  };
}
