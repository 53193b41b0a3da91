/**
 * Runs the fields of a flow: a flag answers its field (validated like a typed answer: a refusal is exit 2
 * with the rule's message); otherwise the field is asked, or with --yes (or when it is optional) its
 * default is taken. Nothing is asked unless a required field has no flag, and without a terminal nothing
 * is ever asked: the run fails with the list of missing flags (issue 7).
 */
import { ApigError } from '../../core/errors.js';
import { convert, flagProperty, show, type Answers, type Field, type Item, type ItemField, type ListField, type Value, type Verdict } from './fields.js';
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

type Raw = string | boolean | string[];

function flagValue(field: Field, flags: Readonly<Record<string, unknown>>): Raw | undefined {
  const v = flags[flagProperty(field.flag)];
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x): x is string => typeof x === 'string') && v.length > 0) return v;
  return undefined;
}

async function check(field: Field, value: Value, a: Answers): Promise<Verdict> {
  const next = { ...a, [field.key]: value };
  return (field.validate as ((v: Value, a: Answers) => Verdict | Promise<Verdict>) | undefined)?.(value, next);
}

const usage = (field: Field, message: string): ApigError => new ApigError('usage', `--${field.flag}: ${message}`);

/** Which required fields have neither a flag nor (with --yes) a default, following `when` with defaults. */
export function missingFields(fields: readonly Field[], options: RunOptions): Field[] {
  const a: Answers = { ...options.initial };
  const missing: Field[] = [];
  for (const f of fields) {
    if (f.when && !f.when(a)) continue;
    const given = flagValue(f, options.flags);
    if (given !== undefined) {
      a[f.key] = f.kind === 'list' ? [] : typeof given === 'boolean' ? given : f.kind === 'confirm' || Array.isArray(given) ? undefined : convert(f, given, a).value;
      continue;
    }
    const d = f.default?.(a);
    if (f.required && !(options.yes && d !== undefined)) missing.push(f);
    a[f.key] = d;
  }
  return missing;
}

function missingMessage(missing: readonly Field[], options: RunOptions): string {
  const why = options.yes ? 'nothing is asked with --yes, and these have no default' : 'there is no terminal to ask on';
  const width = Math.max(...missing.map((f) => f.flag.length)) + 4;
  return `missing ${missing.length === 1 ? 'flag' : 'flags'} (${why}):\n${missing.map((f) => `  ${`--${f.flag}`.padEnd(width)}${options.help?.(f.flag) ?? ''}`).join('\n')}`;
}

async function fromFlag(field: Field, raw: Raw, a: Answers): Promise<Value | undefined> {
  if (field.kind === 'list') return listFromFlags(field, Array.isArray(raw) ? raw : [String(raw)], a);
  let value: Value | undefined;
  if (typeof raw === 'boolean') value = raw;
  else {
    const c = convert(field, Array.isArray(raw) ? raw.join(',') : raw, a);
    if (c.error !== undefined) throw usage(field, c.error);
    value = c.value;
  }
  if (value === undefined) return undefined;
  const verdict = await check(field, value, a);
  if (verdict !== undefined) throw usage(field, verdict);
  return value;
}

async function listFromFlags(field: ListField, specs: readonly string[], a: Answers): Promise<Item[]> {
  const items: Item[] = [];
  for (const spec of specs) {
    const parsed = field.parse(spec);
    if (typeof parsed === 'string') throw usage(field, `"${spec}": ${parsed}`);
    const item: Item = {};
    for (const f of field.item) {
      const ctx: Answers = { ...a, [field.key]: items, ...item };
      if (f.when && !f.when(ctx)) continue;
      const raw = parsed[f.key];
      const c = raw === undefined ? { value: f.default?.(ctx) } : convert(f, String(raw), ctx);
      if (c.error !== undefined) throw usage(field, `"${spec}": ${c.error}`);
      const value = c.value;
      if (value === undefined || Array.isArray(value)) {
        if (f.required) throw usage(field, `"${spec}" has no ${f.message.replace(/[?:]\s*$/, '').toLowerCase()}`);
        continue;
      }
      const verdict = await check(f, value, ctx);
      if (verdict !== undefined) throw usage(field, `"${spec}": ${verdict}`);
      item[f.key] = value;
    }
    const verdict = await check(field, [...items, item], a);
    if (verdict !== undefined) throw usage(field, `"${spec}": ${verdict}`);
    items.push(item);
  }
  return items;
}

async function ask(field: ItemField | Field, a: Answers, p: Prompter): Promise<Value | undefined> {
  const d = field.default?.(a);
  switch (field.kind) {
    case 'text':
    case 'integer': {
      let accepted: Value | undefined;
      await p.text({
        message: field.message,
        ...(d !== undefined ? { default: show(d) } : {}),
        validate: async (raw) => {
          const c = convert(field, raw, a);
          if (c.error !== undefined) return c.error;
          if (c.value === undefined) {
            if (field.required) return 'an answer is needed';
            accepted = undefined;
            return true;
          }
          const verdict = await check(field, c.value, a);
          if (verdict !== undefined) return verdict;
          accepted = c.value;
          return true;
        },
      });
      return accepted;
    }
    case 'select':
    case 'confirm':
    case 'multi':
      if (field.kind === 'select' && field.choices(a).length === 0) throw usage(field, 'there is nothing to choose from');
      // A choice of one is no question (one group, one allowed backend type).
      if (field.kind === 'select' && field.choices(a).length === 1) {
        const only = field.choices(a)[0]?.value ?? '';
        const verdict = await check(field, only, a);
        if (verdict !== undefined) throw usage(field, verdict);
        return only;
      }
      for (;;) {
        const value: Value = field.kind === 'select'
          ? await p.select({ message: field.message, choices: field.choices(a), ...(typeof d === 'string' ? { default: d } : {}) })
          : field.kind === 'confirm'
            ? await p.confirm({ message: field.message, default: d === true })
            : await p.checkbox({ message: field.message, choices: field.choices(a).map((c) => ({ ...c, checked: Array.isArray(d) && d.some((x) => x === c.value) })) });
        const verdict = await check(field, value, a);
        if (verdict === undefined) return value;
        p.warn(verdict);
      }
    case 'list':
      return askList(field, a, p);
  }
}

async function askList(field: ListField, a: Answers, p: Prompter): Promise<Item[]> {
  const items: Item[] = [];
  for (;;) {
    if (items.length >= (field.min ?? 0) && !(await p.confirm({ message: field.more, default: false }))) return items;
    const item: Item = {};
    for (const f of field.item) {
      const ctx: Answers = { ...a, [field.key]: items, ...item };
      if (f.when && !f.when(ctx)) continue;
      const value = await ask(f, ctx, p);
      if (value !== undefined && !Array.isArray(value)) item[f.key] = value;
    }
    const verdict = await check(field, [...items, item], a);
    if (verdict === undefined) items.push(item);
    else p.warn(verdict);
  }
}

export async function runFields(fields: readonly Field[], options: RunOptions): Promise<Answers> {
  const missing = missingFields(fields, options);
  const interactive = missing.length > 0 && !options.yes && options.prompter !== undefined;
  if (missing.length > 0 && !interactive) throw new ApigError('usage', missingMessage(missing, options));
  const a: Answers = { ...options.initial };
  for (const f of fields) {
    if (f.when && !f.when(a)) continue;
    const given = flagValue(f, options.flags);
    let value: Value | undefined;
    if (given !== undefined) value = await fromFlag(f, given, a);
    else if (interactive && options.prompter) value = await ask(f, a, options.prompter);
    else {
      value = f.default?.(a);
      const verdict = value === undefined ? undefined : await check(f, value, a);
      if (verdict !== undefined) throw usage(f, `the default ${JSON.stringify(show(value))} is refused: ${verdict}; give --${f.flag}`);
    }
    if (value !== undefined) a[f.key] = value;
  }
  return a;
}
