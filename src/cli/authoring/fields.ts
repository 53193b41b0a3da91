/**
 * The fields of an authoring flow. Each field is one question and one flag: a prompt kind (with its
 * choices when the set is closed), a default, and a validation that is applied the same way to a typed
 * answer, a flag value and a default taken with --yes.
 */
import type { Choice } from './prompter.js';

export type Scalar = string | number | boolean;
/** One entry of a repeatable field (a request parameter, a policy condition, a variable). */
export type Item = Record<string, Scalar>;
export type Value = Scalar | string[] | Item[];
export type Answers = Record<string, Value | undefined>;

/** A refusal message, or undefined when the value is accepted. */
export type Verdict = string | undefined;

/**
 * What a field's flag needs when the field is asked only for some answers (`when`), so that a flag given
 * while `when` is false is refused (exit 2) instead of dropped: another field's answer (its key, the values
 * that make the flag apply, and what those are: "HTTP backends"), or a message of its own.
 */
export type Needs = { key: string; values: readonly string[]; what: string } | ((a: Answers) => string);

interface FieldBase<V extends Value> {
  /** Where the answer is stored in Answers. */
  key: string;
  /** The long flag without dashes (`match-mode` → --match-mode). */
  flag: string;
  message: string;
  /** Must be answered: by its flag, at the prompt, or by its default with --yes. */
  required?: boolean;
  /** Asked only when this holds for the answers so far. */
  when?: (a: Answers) => boolean;
  /** Why the flag does not apply when `when` fails (every field with `when` has one). */
  needs?: Needs;
  default?: (a: Answers) => V | undefined;
  /** Sees the answers so far with this value in place; rule checks build their candidate from them. */
  validate?: (value: V, a: Answers) => Verdict | Promise<Verdict>;
}

export interface TextField extends FieldBase<string> {
  kind: 'text';
}
export interface IntegerField extends FieldBase<number> {
  kind: 'integer';
}
export interface SelectField extends FieldBase<string> {
  kind: 'select';
  choices: (a: Answers) => readonly Choice[];
}
export interface ConfirmField extends FieldBase<boolean> {
  kind: 'confirm';
}
/** Several of a closed set; the flag takes them comma-separated. */
export interface MultiField extends FieldBase<string[]> {
  kind: 'multi';
  choices: (a: Answers) => readonly Choice[];
}
/**
 * Repeatable entries: the flag is given once per entry in a compact form (`parse`); at the prompt each
 * entry is asked field by field, after "add one?" (the first one without asking when `min` is 1).
 */
export interface ListField extends FieldBase<Item[]> {
  kind: 'list';
  item: readonly ItemField[];
  parse: (spec: string) => Item | string;
  /** "Add a request parameter?" */
  more: string;
  min?: number;
}

export type ItemField = TextField | IntegerField | SelectField | ConfirmField;
export type Field = ItemField | MultiField | ListField;

/** commander stores --match-mode as matchMode. */
export function flagProperty(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const INTEGER = /^-?\d+$/;

/** A raw text (flag value or typed answer) → the field's value, or a refusal. Empty means "no answer". */
export function convert(field: ItemField | MultiField, raw: string, a: Answers): { value?: Value; error?: string } {
  const text = raw.trim();
  switch (field.kind) {
    case 'text':
      return text === '' ? {} : { value: text };
    case 'integer':
      if (text === '') return {};
      return INTEGER.test(text) ? { value: Number(text) } : { error: `"${text}" is not a whole number` };
    case 'confirm':
      if (text === '') return {};
      return /^(y|yes|true)$/i.test(text)
        ? { value: true }
        : /^(n|no|false)$/i.test(text)
          ? { value: false }
          : { error: `"${text}" is not yes or no` };
    case 'select': {
      if (text === '') return {};
      const choices = field.choices(a);
      const hit = choices.find((c) => c.value.toLowerCase() === text.toLowerCase());
      return hit
        ? { value: hit.value }
        : { error: `"${text}" is not one of ${choices.map((c) => c.value).join(', ') || '(none)'}` };
    }
    case 'multi': {
      const parts = commaList(text);
      const choices = field.choices(a);
      const out: string[] = [];
      for (const p of parts) {
        const hit = choices.find((c) => c.value.toLowerCase() === p.toLowerCase());
        if (!hit) return { error: `"${p}" is not one of ${choices.map((c) => c.value).join(', ') || '(none)'}` };
        out.push(hit.value);
      }
      return { value: out };
    }
  }
}

/** The entries of a comma-separated answer or flag (`a, b,c`), trimmed, empty ones left out. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `a`, `a or b`, `a, b or c` */
export function wordList(words: readonly string[], last: 'and' | 'or'): string {
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1] ?? ''}`;
}

/** The text a field's value is shown as (prompt defaults, dry-run summaries). */
export function show(value: Value | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? Object.values(v).join(':') : v)).join(',');
  return String(value);
}
