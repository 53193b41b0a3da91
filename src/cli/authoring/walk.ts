/**
 * What the flags answer before anything is asked: the walk through the fields with the flags and, for the
 * rest, their defaults (as `when` will see them), which finds the questions left open and the flags whose
 * question another answer rules out; and the messages for both (exit 2).
 */
import { ApigError } from '../../core/errors.js';
import { convert, flagProperty, show, wordList, type Answers, type Field } from './fields.js';
import type { Prompter } from './prompter.js';

export interface RunOptions {
  /** commander's parsed options (camelCase properties). */
  flags: Readonly<Record<string, unknown>>;
  yes: boolean;
  /** Undefined when there is no terminal to ask on. */
  prompter?: Prompter;
  /** Answers known before the fields run (e.g. from a positional argument). */
  initial?: Answers;
  /** The help of a flag, for the list of missing ones (flags.ts). */
  help?: (flag: string) => string;
}

export type Raw = string | boolean | string[];
/** Where an answer came from, for the message refusing a flag that does not apply. */
export type Source = 'flag' | 'asked' | 'only' | 'default';

export function flagValue(field: Field, flags: Readonly<Record<string, unknown>>): Raw | undefined {
  const v = flags[flagProperty(field.flag)];
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x): x is string => typeof x === 'string') && v.length > 0) return v;
  return undefined;
}

/** An empty value (--acl '') says "none", which is true of a question that does not apply too. */
export const says = (raw: Raw | undefined): boolean =>
  raw !== undefined &&
  (typeof raw === 'boolean' || (typeof raw === 'string' ? raw.trim() !== '' : raw.some((x) => x.trim() !== '')));

/** A select with a single choice is no question (one group, the only backend type a policy backend may have). */
export function onlyChoice(field: Field, a: Answers): string | undefined {
  if (field.kind !== 'select') return undefined;
  const choices = field.choices(a);
  return choices.length === 1 ? choices[0]?.value : undefined;
}

/** Why the flag of a field whose `when` fails does not apply, and how to make it apply. */
export function notApplicable(
  field: Field,
  fields: readonly Field[],
  a: Answers,
  sources: ReadonlyMap<string, Source>,
): string {
  const n = field.needs;
  if (n === undefined) return `--${field.flag} does not apply to the other answers`;
  if (typeof n === 'function') return `--${field.flag}: ${n(a)}`;
  const head = `--${field.flag} applies to ${n.what}`;
  const on = fields.find((f) => f.key === n.key);
  if (!on) return head;
  const value = show(a[n.key]);
  const source = sources.get(n.key);
  if (source === 'flag') return `${head}, and --${on.flag} is ${value}`;
  if (source === 'asked') return `${head}, and the answer to "${on.message}" was ${value}`;
  const offered = on.kind === 'select' ? on.choices(a).map((c) => c.value) : n.values;
  const fits = n.values.filter((v) => offered.includes(v));
  if (fits.length === 0) return `${head}, and --${on.flag} can only be ${wordList(offered, 'or')} here`;
  return `${head}; add --${on.flag} ${wordList(fits, 'or')}${value !== '' ? ` (the default is ${value})` : ''}`;
}

export interface Walk {
  /** The questions that would be asked (without --yes) or that have no default (with --yes). */
  missing: Field[];
  /** Flags that do not apply; `settled` when no question still to be asked can change that. */
  inapplicable: Array<{ message: string; settled: boolean }>;
}

/** Follows the fields with the flags and, for the rest, their defaults (as `when` will see them). */
export function walk(fields: readonly Field[], options: RunOptions): Walk {
  const a: Answers = { ...options.initial };
  const sources = new Map<string, Source>();
  const out: Walk = { missing: [], inapplicable: [] };
  // After a required question left open (two groups and no --group), later questions may need its answer to
  // work out theirs: one that cannot is listed as missing when it is required, and passed over otherwise.
  let open = false;
  for (const f of fields) {
    const given = flagValue(f, options.flags);
    if (open && given === undefined) {
      try {
        if (f.when && !f.when(a)) continue;
        onlyChoice(f, a);
        f.default?.(a);
      } catch (err) {
        if (!(err instanceof ApigError)) throw err;
        if (f.required) out.missing.push(f);
        continue;
      }
    }
    if (f.when && !f.when(a)) {
      const n = f.needs;
      const settled = typeof n === 'object' && ['flag', 'only'].includes(sources.get(n.key) ?? '');
      if (says(given)) out.inapplicable.push({ message: notApplicable(f, fields, a, sources), settled });
      continue;
    }
    if (given !== undefined) {
      const c =
        f.kind === 'list' || typeof given === 'boolean' || f.kind === 'confirm' || Array.isArray(given)
          ? undefined
          : convert(f, given, a);
      // A value that does not convert is refused first: a later flag's "does not apply" would read it as empty.
      if (c?.error !== undefined) throw new ApigError('usage', `--${f.flag}: ${c.error}`);
      a[f.key] = f.kind === 'list' ? [] : typeof given === 'boolean' ? given : c?.value;
      sources.set(f.key, 'flag');
      continue;
    }
    const only = onlyChoice(f, a);
    const d = only ?? f.default?.(a);
    const answered = only !== undefined || (options.yes && (d !== undefined || !f.required));
    if (!answered) out.missing.push(f);
    if (d === undefined && f.required && only === undefined) open = true;
    a[f.key] = d;
    sources.set(f.key, only !== undefined ? 'only' : 'default');
  }
  return out;
}

export function missingMessage(fields: readonly Field[], missing: readonly Field[], options: RunOptions): string {
  // A switch is answered either way: --cors or --no-cors.
  const shown = (f: Field): string => (f.kind === 'confirm' ? `--[no-]${f.flag}` : `--${f.flag}`);
  const width = Math.max(...missing.map((f) => shown(f).length)) + 2;
  const list = missing.map((f) => `  ${shown(f).padEnd(width)}${options.help?.(f.flag) ?? ''}`.trimEnd()).join('\n');
  const one = missing.length === 1;
  if (options.yes)
    return (
      `missing ${one ? 'flag' : 'flags'} (nothing is asked with --yes, ` +
      `and ${one ? 'it has' : 'these have'} no default):\n${list}`
    );
  const none = walk(fields, { ...options, yes: true }).missing.map((f) => `--${f.flag}`);
  const answer = one ? 'give it, or add --yes to take its default' : 'give them, or add --yes to take their defaults';
  const hint =
    none.length === 0
      ? answer
      : none.length === missing.length
        ? `give ${one ? 'it (it has' : 'them (they have'} no default)`
        : `${answer} (${wordList(none, 'and')} ${none.length === 1 ? 'has' : 'have'} none)`;
  return `missing ${one ? 'flag' : 'flags'} (there is no terminal to ask on):\n${list}\n${hint}`;
}

export function inapplicableMessage(found: Walk['inapplicable']): string {
  return found.length === 1
    ? (found[0]?.message ?? '')
    : `flags that do not apply:\n${found.map((x) => `  ${x.message}`).join('\n')}`;
}
