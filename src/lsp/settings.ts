/**
 * The server's settings, from the client's initializationOptions or its `apig` configuration section:
 * `debounceMs`, `rules` (severities by rule id, over .apiglint.yaml's), `configFile`, `allowRemoteRefs`.
 * A setting of the wrong type is ignored (the previous value stays): settings never stop the server.
 */
import { isRecord } from '../oas/codec.js';
import type { RuleSeverity } from '../lint/types.js';
import type { Settings } from './session.js';

const SEVERITIES = new Set(['off', 'hint', 'info', 'warn', 'error']);

export function readSettings(raw: unknown, previous: Settings): Settings {
  if (!isRecord(raw)) return previous;
  const next: Settings = { ...previous };
  const { debounceMs, rules, configFile, allowRemoteRefs } = raw;
  if (typeof debounceMs === 'number' && Number.isFinite(debounceMs) && debounceMs >= 0)
    next.debounceMs = Math.min(debounceMs, 10_000);
  if (isRecord(rules)) {
    const out: Record<string, RuleSeverity> = {};
    for (const [id, s] of Object.entries(rules))
      if (typeof s === 'string' && SEVERITIES.has(s)) out[id] = s as RuleSeverity;
    next.rules = out;
  }
  if (typeof configFile === 'string' && configFile !== '') next.configFile = configFile;
  if (configFile === null || configFile === '') delete next.configFile;
  if (typeof allowRemoteRefs === 'boolean') next.allowRemoteRefs = allowRemoteRefs;
  return next;
}
