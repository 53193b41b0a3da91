/**
 * The server's settings, from the client's initializationOptions or its `apig` configuration section:
 * `debounceMs`, `rules` (severities by rule id, over .apiglint.yaml's), `configFile`, `allowRemoteRefs`.
 * A setting of the wrong type is ignored (the previous value stays): settings never stop the server; what is
 * ignored is said (settingProblems), so that a misspelt rule id does not look like a rule turned off.
 */
import { didYouMean } from '../core/closest.js';
import { isRuleId, RULE_IDS } from '../lint/rule-ids.js';
import { isRecord } from '../oas/codec.js';
import type { RuleSeverity } from '../lint/types.js';
import type { Settings } from './session.js';

const SEVERITIES = new Set(['off', 'hint', 'info', 'warn', 'error']);

const isSeverity = (s: unknown): s is RuleSeverity => typeof s === 'string' && SEVERITIES.has(s);

const isDebounce = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function readSettings(raw: unknown, previous: Settings): Settings {
  if (!isRecord(raw)) return previous;
  const next: Settings = { ...previous };
  const { debounceMs, rules, configFile, allowRemoteRefs } = raw;
  if (isDebounce(debounceMs)) next.debounceMs = Math.min(debounceMs, 10_000);
  if (isRecord(rules)) {
    const out: Record<string, RuleSeverity> = {};
    for (const [id, s] of Object.entries(rules)) if (isRuleId(id) && isSeverity(s)) out[id] = s;
    next.rules = out;
  }
  if (typeof configFile === 'string' && configFile !== '') next.configFile = configFile;
  if (configFile === null || configFile === '') delete next.configFile;
  if (typeof allowRemoteRefs === 'boolean') next.allowRemoteRefs = allowRemoteRefs;
  return next;
}

/** What readSettings ignores in a client's settings, one sentence each (`apig lint --rule` refuses the same). */
export function settingProblems(raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  const out: string[] = [];
  const { debounceMs, rules, configFile, allowRemoteRefs } = raw;
  if (debounceMs !== undefined && !isDebounce(debounceMs))
    out.push('debounceMs must be a number of milliseconds, 0 or more');
  if (rules !== undefined && !isRecord(rules)) out.push('rules must map rule ids to severities');
  if (isRecord(rules))
    for (const [id, s] of Object.entries(rules)) {
      if (!isRuleId(id)) out.push(`rules: unknown rule "${id}"${didYouMean(id, RULE_IDS)}`);
      else if (!isSeverity(s)) out.push(`rules: ${id}: the severity must be one of ${[...SEVERITIES].join(', ')}`);
    }
  if (configFile !== undefined && configFile !== null && typeof configFile !== 'string')
    out.push('configFile must be a path');
  if (allowRemoteRefs !== undefined && typeof allowRemoteRefs !== 'boolean')
    out.push('allowRemoteRefs must be true or false');
  return out;
}
