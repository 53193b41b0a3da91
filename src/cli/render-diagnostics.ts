import type { Diagnostic } from '../core/diagnostic.js';
import type { Io } from './io.js';

/** `file:line:col  severity  message  (code) at pointer`, 1-based like editors. */
export function formatDiagnosticLine(d: Diagnostic<string>, io: Pick<Io, 'color'>): string {
  const pos = d.range ? `:${d.range.start.line + 1}:${d.range.start.character + 1}` : '';
  const sev =
    d.severity === 'error'
      ? io.color.red('error')
      : d.severity === 'warn'
        ? io.color.yellow('warn')
        : io.color.blue(d.severity);
  const where = d.path ? io.color.dim(` at #${d.path}`) : '';
  return `${d.source}${pos}  ${sev}  ${d.message}  ${io.color.dim(d.code)}${where}`;
}

export function printDiagnostics(diags: readonly Diagnostic<string>[], io: Io): void {
  for (const d of diags) io.err(`${formatDiagnosticLine(d, io)}\n`);
}
