/**
 * Runs the fields of a flow. A flag answers its field (validated like a typed answer: a refusal is exit 2
 * with the rule's message). Without --yes, every question no flag answers is asked on a terminal; without
 * a terminal nothing is ever asked: the run fails with the list of those flags (issue 7). With --yes, each
 * of them takes its default, and only a required one without a default is missing. A flag its field does
 * not apply to (`--backend-address` with a MOCK backend) is refused, never dropped.
 */
import { ApigError } from '../../core/errors.js';
import {
  convert,
  show,
  type Answers,
  type Field,
  type Item,
  type ItemField,
  type ListField,
  type Value,
  type Verdict,
} from './fields.js';
import type { Prompter } from './prompter.js';
import {
  flagValue,
  inapplicableMessage,
  missingMessage,
  notApplicable,
  onlyChoice,
  says,
  walk,
  type Raw,
  type RunOptions,
  type Source,
} from './walk.js';

export type { RunOptions } from './walk.js';

async function check(field: Field, value: Value, a: Answers): Promise<Verdict> {
  const next = { ...a, [field.key]: value };
  return (field.validate as ((v: Value, a: Answers) => Verdict | Promise<Verdict>) | undefined)?.(value, next);
}

const usage = (field: Field, message: string): ApigError => new ApigError('usage', `--${field.flag}: ${message}`);

async function fromFlag(field: Field, raw: Raw, a: Answers): Promise<Value | undefined> {
  // An empty entry (--param '') answers "add one?" with no.
  if (field.kind === 'list')
    return listFromFlags(
      field,
      (Array.isArray(raw) ? raw : [String(raw)]).filter((s) => s.trim() !== ''),
      a,
    );
  let value: Value | undefined;
  if (typeof raw === 'boolean') value = raw;
  else {
    const c = convert(field, Array.isArray(raw) ? raw.join(',') : raw, a);
    if (c.error !== undefined) throw usage(field, c.error);
    value = c.value;
  }
  if (value === undefined) {
    // An empty value answers an optional question with nothing (--description '').
    if (field.required) throw usage(field, 'an answer is needed');
    return undefined;
  }
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
  if (items.length < (field.min ?? 0)) throw usage(field, 'at least one is needed');
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
      if (field.kind === 'select' && field.choices(a).length === 0)
        throw usage(field, 'there is nothing to choose from');
      // A choice of one is no question (one group, one allowed backend type).
      if (field.kind === 'select' && field.choices(a).length === 1) {
        const only = field.choices(a)[0]?.value ?? '';
        const verdict = await check(field, only, a);
        if (verdict !== undefined) throw usage(field, verdict);
        return only;
      }
      for (;;) {
        const value: Value =
          field.kind === 'select'
            ? await p.select({
                message: field.message,
                choices: field.choices(a),
                ...(typeof d === 'string' ? { default: d } : {}),
              })
            : field.kind === 'confirm'
              ? await p.confirm({ message: field.message, default: d === true })
              : await p.checkbox({
                  message: field.message,
                  choices: field
                    .choices(a)
                    .map((c) => ({ ...c, checked: Array.isArray(d) && d.some((x) => x === c.value) })),
                });
        const verdict = await check(field, value, a);
        if (verdict === undefined) return value;
        p.warn(verdict);
      }
    case 'list':
      return askList(field, a, p);
  }
}

async function askList(field: ListField, a: Answers, p: Prompter): Promise<Item[]> {
  // `apig edit` pre-fills the list with the current entries: kept as they are, or asked anew.
  const current = field.default?.(a) ?? [];
  const keep =
    current.length > 0 &&
    (await p.confirm({
      message: `Keep the current ${field.message.toLowerCase()} (${show(current)})?`,
      default: true,
    }));
  const items: Item[] = keep ? [...current] : [];
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
  const { missing, inapplicable } = walk(fields, options);
  const interactive = missing.length > 0 && !options.yes && options.prompter !== undefined;
  // On a terminal, a flag may come to apply through a question still to be asked; elsewhere it cannot.
  const refused = interactive ? inapplicable.filter((x) => x.settled) : inapplicable;
  if (refused.length > 0) throw new ApigError('usage', inapplicableMessage(refused));
  const listing = missing.length > 0 && !interactive;
  const a: Answers = { ...options.initial };
  const sources = new Map<string, Source>();
  for (const f of fields) {
    const given = flagValue(f, options.flags);
    if (f.when && !f.when(a)) {
      if (says(given)) throw new ApigError('usage', notApplicable(f, fields, a, sources));
      continue;
    }
    let value: Value | undefined;
    if (given !== undefined) {
      value = await fromFlag(f, given, a);
      sources.set(f.key, 'flag');
    } else if (interactive && options.prompter && onlyChoice(f, a) === undefined) {
      value = await ask(f, a, options.prompter);
      sources.set(f.key, 'asked');
    } else {
      const only = onlyChoice(f, a);
      value = only ?? f.default?.(a);
      sources.set(f.key, only !== undefined ? 'only' : 'default');
      if (listing && missing.includes(f)) {
        // Listed below, once the flags are checked against the defaults (as --yes would take them); the checks
        // after a required question without a default could depend on its answer, so they stop there.
        if (value === undefined && f.required) break;
      } else {
        // The walk found every question; this holds should a `when` see the real answers differently.
        if (only === undefined && !options.yes) throw new ApigError('usage', missingMessage(fields, [f], options));
        const verdict = value === undefined ? undefined : await check(f, value, a);
        if (verdict !== undefined)
          throw usage(
            f,
            only !== undefined
              ? verdict
              : `the default ${JSON.stringify(show(value))} is refused: ${verdict}; give --${f.flag}`,
          );
      }
    }
    if (value !== undefined) a[f.key] = value;
  }
  if (listing) throw new ApigError('usage', missingMessage(fields, missing, options));
  return a;
}
