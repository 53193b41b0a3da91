/**
 * A quick verdict on a value against a JSON Schema (draft-04 or draft-07, as ajv reads them with the options apig
 * gives it: formats not checked), without error messages: VALID, INVALID, or UNSURE where the schema uses a keyword
 * this does not decide. A valid document is the common case, and the compiled ajv validators (openapi-schema.ts,
 * schema-validators.ts) cost a run more to load and, cold, to run than this small interpreter does; they run when
 * the verdict is not VALID, and word the errors. Each keyword is decided exactly as ajv decides it (its generated
 * code is the reference: `typeof x == "number"` for a number, code points for a length, a `u` RegExp for a
 * pattern), so that VALID here is valid there.
 */
import { createRequire } from 'node:module';

// In order of precedence: a verdict on several keywords is the greatest of theirs.
export const VALID = 0;
export const UNSURE = 1;
export const INVALID = 2;
export type Verdict = typeof INVALID | typeof VALID | typeof UNSURE;

/** Schema documents by `id`/`$id` (without `#`), for `$ref`s that leave the schema (draft-04 meta-schema...). */
export type SchemaRoots = ReadonlyMap<string, Record<string, unknown>>;

const NULL = 1;
const BOOLEAN = 2;
const OBJECT = 4;
const ARRAY = 8;
const NUMBER = 16;
const INTEGER = 32;
const STRING = 64;
const TYPE_BITS: Record<string, number> = {
  null: NULL,
  boolean: BOOLEAN,
  object: OBJECT,
  array: ARRAY,
  number: NUMBER,
  integer: INTEGER,
  string: STRING,
};

/** Keywords that only annotate (ajv does not validate formats here: apig's options leave them out). */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'examples',
  'example',
  '$comment',
  'definitions',
  'format',
]);
const ANNOTATIONS_AT_ROOT = new Set(['$schema', 'id', '$id']);

/** Deeper than this, the verdict is UNSURE (ajv then decides; documents are capped far below, nesting.ts). */
const MAX_DEPTH = 400;

/** One schema object, its keywords read once into fields (one shape for all, so that reading them stays fast). */
export class Rule {
  unsure = false;
  types = 0;
  enumValues: readonly unknown[] | undefined = undefined;
  hasConst = false;
  constValue: unknown = undefined;
  required: readonly string[] | undefined = undefined;
  props: Map<string, Rule> | undefined = undefined;
  /** The same, as lists. */
  propNames: string[] | undefined = undefined;
  propRules: Rule[] | undefined = undefined;
  /** patternProperties: each pattern as a plain prefix where it is one, else as the `u` RegExp ajv makes. */
  patternPrefixes: Array<string | undefined> | undefined = undefined;
  patternRegExps: Array<RegExp | undefined> | undefined = undefined;
  patternRules: Rule[] | undefined = undefined;
  /** additionalProperties: false, a schema, or undefined for any. */
  additional: Rule | false | undefined = undefined;
  items: Rule | undefined = undefined;
  minItems = -1;
  maxItems = -1;
  uniqueItems = false;
  minProps = -1;
  maxProps = -1;
  minLength = -1;
  maxLength = -1;
  pattern: RegExp | undefined = undefined;
  minimum: number | undefined = undefined;
  maximum: number | undefined = undefined;
  exclusiveMinimum: number | undefined = undefined;
  exclusiveMaximum: number | undefined = undefined;
  allOf: Rule[] | undefined = undefined;
  anyOf: Rule[] | undefined = undefined;
  oneOf: Rule[] | undefined = undefined;
  not: Rule | undefined = undefined;
  ifRule: Rule | undefined = undefined;
  thenRule: Rule | undefined = undefined;
  elseRule: Rule | undefined = undefined;
  /** A `$ref`, resolved on first use. */
  ref: string | undefined = undefined;
  target: Rule | undefined = undefined;
  /** Nothing but a $ref. */
  onlyRef = false;
  /** No keyword: anything is valid. */
  anything = false;
  /** Only `type` and `enum`. */
  simple = false;
  /** Has allOf, anyOf, oneOf, not or if. */
  combines = false;

  constructor(
    readonly compiler: Compiler,
    readonly root: Record<string, unknown>,
  ) {}
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Compiles schema objects into Rules, each once; `$ref`s resolve against their schema document or `roots`. */
export class Compiler {
  private readonly rules = new WeakMap<object, Rule>();

  constructor(private readonly roots: SchemaRoots = new Map()) {}

  rule(schema: unknown, root: Record<string, unknown>): Rule {
    const known = isObject(schema) ? this.rules.get(schema) : undefined;
    if (known) return known;
    const rule = new Rule(this, root);
    if (!isObject(schema)) {
      // `true` accepts anything; `false` and anything else are ajv's to judge.
      if (schema !== true) rule.unsure = true;
      return rule;
    }
    this.rules.set(schema, rule);
    read(this, rule, schema, schema === root);
    return rule;
  }

  /** The Rule a `$ref` leads to, or undefined when it leads outside what this knows. */
  resolve(ref: string, root: Record<string, unknown>): Rule | undefined {
    const hash = ref.indexOf('#');
    const base = hash < 0 ? ref : ref.slice(0, hash);
    const doc = base === '' ? root : this.roots.get(base);
    if (!doc) return undefined;
    let node: unknown = doc;
    const pointer = hash < 0 ? '' : ref.slice(hash + 1);
    if (pointer !== '') {
      if (!pointer.startsWith('/')) return undefined;
      for (const raw of pointer.slice(1).split('/')) {
        const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
        if (!isObject(node) || !Object.hasOwn(node, seg)) return undefined;
        node = node[seg];
      }
    }
    return this.rule(node, doc);
  }
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : -2);

/** The Rules of allOf, anyOf, oneOf; an empty or no list is ajv's to judge. */
function rules(c: Compiler, rule: Rule, list: unknown): Rule[] | undefined {
  if (Array.isArray(list) && list.length > 0) return list.map((s: unknown) => c.rule(s, rule.root));
  rule.unsure = true;
  return undefined;
}

/** A patternProperties pattern that only says how a key starts (`^x-`): that start, tested without a RegExp. */
function prefixOf(pattern: string): string | undefined {
  return /^\^[A-Za-z0-9_/-]*$/.test(pattern) ? pattern.slice(1) : undefined;
}

/** A name Object.prototype has: `value[name]` would find it where ajv's generated code would too. Left to ajv. */
const inherited = (name: string): boolean => name in Object.prototype;

function read(c: Compiler, rule: Rule, s: Record<string, unknown>, isRoot: boolean): void {
  const root = rule.root;
  for (const key of Object.keys(s)) {
    const v = s[key];
    switch (key) {
      case 'type': {
        const names = Array.isArray(v) ? v : [v];
        for (const n of names) {
          const bit = typeof n === 'string' ? TYPE_BITS[n] : undefined;
          if (bit === undefined || !Object.hasOwn(TYPE_BITS, n as string)) rule.unsure = true;
          else rule.types |= bit;
        }
        break;
      }
      case 'enum':
        if (Array.isArray(v) && v.every((e) => e === null || typeof e !== 'object')) rule.enumValues = v;
        else rule.unsure = true;
        break;
      case 'const':
        // Draft-04 has no const: ajv-draft-04 would not apply it.
        if ((v !== null && typeof v === 'object') || String(root.$schema).includes('draft-04')) rule.unsure = true;
        rule.hasConst = true;
        rule.constValue = v;
        break;
      case 'required':
        if (Array.isArray(v) && v.every((n) => typeof n === 'string' && !inherited(n))) rule.required = v as string[];
        else rule.unsure = true;
        break;
      case 'properties':
        if (!isObject(v)) rule.unsure = true;
        else {
          rule.props = new Map();
          for (const name of Object.keys(v)) {
            if (inherited(name)) rule.unsure = true;
            rule.props.set(name, c.rule(v[name], root));
          }
          rule.propNames = [...rule.props.keys()];
          rule.propRules = [...rule.props.values()];
        }
        break;
      case 'patternProperties':
        if (!isObject(v)) rule.unsure = true;
        else {
          const patterns = Object.keys(v);
          rule.patternPrefixes = patterns.map(prefixOf);
          rule.patternRegExps = patterns.map((p) => (prefixOf(p) === undefined ? new RegExp(p, 'u') : undefined));
          rule.patternRules = patterns.map((p) => c.rule(v[p], root));
        }
        break;
      case 'additionalProperties':
        if (v === false) rule.additional = false;
        else if (v !== true) rule.additional = c.rule(v, root);
        break;
      case 'items':
        // A list of item schemas (tuples) is left to ajv.
        if (Array.isArray(v)) rule.unsure = true;
        else rule.items = c.rule(v, root);
        break;
      case 'additionalItems':
        // Applies only beside a list of item schemas, which is left to ajv.
        break;
      case 'minItems':
        rule.minItems = count(v);
        break;
      case 'maxItems':
        rule.maxItems = count(v);
        break;
      case 'uniqueItems':
        rule.uniqueItems = v === true;
        break;
      case 'minProperties':
        rule.minProps = count(v);
        break;
      case 'maxProperties':
        rule.maxProps = count(v);
        break;
      case 'minLength':
        rule.minLength = count(v);
        break;
      case 'maxLength':
        rule.maxLength = count(v);
        break;
      case 'pattern':
        if (typeof v === 'string') rule.pattern = new RegExp(v, 'u');
        else rule.unsure = true;
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        if (typeof v !== 'number' && typeof v !== 'boolean') rule.unsure = true;
        break;
      case 'allOf':
        rule.allOf = rules(c, rule, v);
        break;
      case 'anyOf':
        rule.anyOf = rules(c, rule, v);
        break;
      case 'oneOf':
        rule.oneOf = rules(c, rule, v);
        break;
      case 'not':
        rule.not = c.rule(v, root);
        break;
      case 'if':
        rule.ifRule = c.rule(v, root);
        break;
      case 'then':
        rule.thenRule = c.rule(v, root);
        break;
      case 'else':
        rule.elseRule = c.rule(v, root);
        break;
      case '$ref':
        if (typeof v === 'string') rule.ref = v;
        else rule.unsure = true;
        break;
      default:
        if (!ANNOTATIONS.has(key) && !(isRoot && ANNOTATIONS_AT_ROOT.has(key))) rule.unsure = true;
    }
  }
  bounds(rule, s);
  // Counts that are no counts, and keywords beside a $ref (drafts differ on whether they apply), are ajv's.
  if (rule.minItems === -2 || rule.maxItems === -2 || rule.minProps === -2 || rule.maxProps === -2) rule.unsure = true;
  if (rule.minLength === -2 || rule.maxLength === -2) rule.unsure = true;
  const constraints = Object.keys(s).filter((k) => !ANNOTATIONS.has(k) && !(isRoot && ANNOTATIONS_AT_ROOT.has(k)));
  if (rule.ref !== undefined) {
    if (constraints.length === 1) rule.onlyRef = true;
    else rule.unsure = true;
  }
  // additionalProperties: true and additionalItems constrain nothing.
  rule.anything = constraints.every((k) => k === 'additionalItems' || (k === 'additionalProperties' && s[k] === true));
  rule.simple = !rule.unsure && constraints.every((k) => k === 'type' || k === 'enum');
  rule.combines = ['allOf', 'anyOf', 'oneOf', 'not', 'if'].some((k) => k in s);
  if ((rule.ifRule === undefined) !== (rule.thenRule === undefined && rule.elseRule === undefined))
    rule.ifRule = rule.thenRule = rule.elseRule = undefined;
}

/** minimum/maximum with draft-04's boolean exclusive flags, or draft-07's numeric exclusive bounds. */
function bounds(rule: Rule, s: Record<string, unknown>): void {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = s;
  if (typeof minimum === 'number') {
    if (exclusiveMinimum === true) rule.exclusiveMinimum = minimum;
    else rule.minimum = minimum;
  }
  if (typeof maximum === 'number') {
    if (exclusiveMaximum === true) rule.exclusiveMaximum = maximum;
    else rule.maximum = maximum;
  }
  if (typeof exclusiveMinimum === 'number')
    rule.exclusiveMinimum = Math.max(exclusiveMinimum, rule.exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
  if (typeof exclusiveMaximum === 'number')
    rule.exclusiveMaximum = Math.min(exclusiveMaximum, rule.exclusiveMaximum ?? Number.POSITIVE_INFINITY);
}

// ajv's own runtime functions, which its generated code calls: code points for a length, deep equality.
const runtime = createRequire(import.meta.url);
const ucs2length = (runtime('ajv/dist/runtime/ucs2length') as { default: (s: string) => number }).default;
const equal = (runtime('ajv/dist/runtime/equal') as { default: (a: unknown, b: unknown) => boolean }).default;

/** ajv's type test for a value, as a bit (integer is a number with no fraction: `!(x % 1) && !isNaN(x)`). */
function typeOk(types: number, v: unknown): boolean {
  switch (typeof v) {
    case 'string':
      return (types & STRING) !== 0;
    case 'number':
      return (types & NUMBER) !== 0 || ((types & INTEGER) !== 0 && !(v % 1) && !Number.isNaN(v));
    case 'boolean':
      return (types & BOOLEAN) !== 0;
    case 'object':
      return v === null ? (types & NULL) !== 0 : (types & (Array.isArray(v) ? ARRAY : OBJECT)) !== 0;
    default:
      return false;
  }
}

/** Both verdicts hold: INVALID wins, then UNSURE. */
const both = (a: Verdict, b: Verdict): Verdict => (a > b ? a : b);

export function verdict(of: Rule, v: unknown, depth = 0): Verdict {
  if (depth > MAX_DEPTH) return UNSURE;
  let rule = of;
  // A rule that is only a $ref is the rule it leads to.
  while (rule.onlyRef) {
    const target: Rule | undefined = (rule.target ??= rule.compiler.resolve(rule.ref as string, rule.root));
    if (!target) return UNSURE;
    rule = target;
  }
  if (rule.anything) return VALID;
  if (rule.types !== 0 && !typeOk(rule.types, v)) return INVALID;
  if (rule.enumValues !== undefined) {
    if (v !== null && typeof v === 'object') return INVALID;
    if (!rule.enumValues.includes(v) || Number.isNaN(v)) return INVALID;
  }
  if (rule.simple) return VALID;
  let out: Verdict = rule.unsure ? UNSURE : VALID;
  if (rule.hasConst && v !== rule.constValue) return v !== null && typeof v === 'object' ? UNSURE : INVALID;
  if (typeof v === 'string') out = both(out, stringVerdict(rule, v));
  else if (typeof v === 'number') out = both(out, numberVerdict(rule, v));
  else if (Array.isArray(v)) out = both(out, arrayVerdict(rule, v, depth));
  else if (isObject(v)) out = both(out, objectVerdict(rule, v, depth));
  if (out === INVALID || !rule.combines) return out;
  return both(out, combined(rule, v, depth));
}

function stringVerdict(rule: Rule, v: string): Verdict {
  if (rule.minLength > 0 && (v.length < rule.minLength || ucs2length(v) < rule.minLength)) return INVALID;
  if (rule.maxLength >= 0 && v.length > rule.maxLength && ucs2length(v) > rule.maxLength) return INVALID;
  if (rule.pattern !== undefined && !rule.pattern.test(v)) return INVALID;
  return VALID;
}

function numberVerdict(rule: Rule, v: number): Verdict {
  // ajv fails NaN on every bound (`data < limit || isNaN(data)`).
  const nan = Number.isNaN(v);
  if (rule.minimum !== undefined && (v < rule.minimum || nan)) return INVALID;
  if (rule.maximum !== undefined && (v > rule.maximum || nan)) return INVALID;
  if (rule.exclusiveMinimum !== undefined && (v <= rule.exclusiveMinimum || nan)) return INVALID;
  if (rule.exclusiveMaximum !== undefined && (v >= rule.exclusiveMaximum || nan)) return INVALID;
  return VALID;
}

function arrayVerdict(rule: Rule, v: unknown[], depth: number): Verdict {
  if (rule.minItems >= 0 && v.length < rule.minItems) return INVALID;
  if (rule.maxItems >= 0 && v.length > rule.maxItems) return INVALID;
  let out: Verdict = VALID;
  if (rule.uniqueItems) out = unique(v);
  if (rule.items !== undefined)
    for (let i = 0; i < v.length && out !== INVALID; i++) out = both(out, verdict(rule.items, v[i], depth + 1));
  return out;
}

/** uniqueItems with ajv's own equality (deep, NaN equal to NaN): for scalars, === or both NaN. */
function unique(v: readonly unknown[]): Verdict {
  // Pairs, without a Set: most lists (parameters, security, enums) are short. Long ones are ajv's to judge.
  if (v.length > 200) return UNSURE;
  for (let i = 1; i < v.length; i++) {
    const a = v[i];
    if (a !== null && typeof a === 'object') {
      for (let j = 0; j < i; j++) if (equal(v[j], a)) return INVALID;
    } else if (a === '__proto__') {
      // ajv finds scalar duplicates through an object's keys, where this one does not stay a key: ajv's to judge.
      return UNSURE;
    } else if (!Number.isNaN(a)) {
      for (let j = 0; j < i; j++) if (v[j] === a) return INVALID;
    } else for (let j = 0; j < i; j++) if (Number.isNaN(v[j])) return INVALID;
  }
  return VALID;
}

function objectVerdict(rule: Rule, v: Record<string, unknown>, depth: number): Verdict {
  const { required, props, patternPrefixes, patternRegExps, patternRules, additional } = rule;
  if (required !== undefined)
    for (let i = 0; i < required.length; i++) if (v[required[i] as string] === undefined) return INVALID;
  let out: Verdict = VALID;
  if (patternRules === undefined && additional === undefined && rule.minProps < 0 && rule.maxProps < 0) {
    // Only named properties: those are looked up, not every key listed (ajv checks `data.name !== undefined`).
    const { propNames, propRules } = rule;
    if (propNames !== undefined && propRules !== undefined)
      for (let i = 0; i < propNames.length; i++) {
        const value = v[propNames[i] as string];
        if (value !== undefined && (out = both(out, verdict(propRules[i] as Rule, value, depth + 1))) === INVALID)
          return out;
      }
    return out;
  }
  let size = 0;
  for (const key in v) {
    size++;
    const value = v[key];
    if (value === undefined) return UNSURE;
    const prop = props?.get(key);
    let known = prop !== undefined;
    if (prop !== undefined) out = both(out, verdict(prop, value, depth + 1));
    if (patternPrefixes !== undefined && patternRegExps !== undefined && patternRules !== undefined)
      for (let i = 0; i < patternPrefixes.length; i++) {
        const prefix = patternPrefixes[i];
        if (prefix !== undefined ? key.startsWith(prefix) : (patternRegExps[i] as RegExp).test(key)) {
          known = true;
          out = both(out, verdict(patternRules[i] as Rule, value, depth + 1));
        }
      }
    if (!known && additional !== undefined)
      out = additional === false ? INVALID : both(out, verdict(additional, value, depth + 1));
    if (out === INVALID) return out;
  }
  if (rule.minProps >= 0 && size < rule.minProps) return INVALID;
  if (rule.maxProps >= 0 && size > rule.maxProps) return INVALID;
  return out;
}

/** allOf, anyOf, oneOf, not, if/then/else. */
function combined(rule: Rule, v: unknown, depth: number): Verdict {
  let out: Verdict = VALID;
  if (rule.allOf !== undefined)
    for (let i = 0; i < rule.allOf.length; i++)
      if ((out = both(out, verdict(rule.allOf[i] as Rule, v, depth + 1))) === INVALID) return out;
  if (rule.anyOf !== undefined) {
    let any: Verdict = INVALID;
    for (const r of rule.anyOf) {
      const one = verdict(r, v, depth + 1);
      if (one === VALID) {
        any = VALID;
        break;
      }
      if (one === UNSURE) any = UNSURE;
    }
    if ((out = both(out, any)) === INVALID) return out;
  }
  if (rule.oneOf !== undefined) {
    let valid = 0;
    let unsure = false;
    for (const r of rule.oneOf) {
      const one = verdict(r, v, depth + 1);
      if (one === VALID) valid++;
      else if (one === UNSURE) unsure = true;
    }
    if ((out = both(out, valid > 1 ? INVALID : unsure ? UNSURE : valid === 1 ? VALID : INVALID)) === INVALID)
      return out;
  }
  if (rule.not !== undefined) {
    const not = verdict(rule.not, v, depth + 1);
    if ((out = both(out, not === VALID ? INVALID : not === INVALID ? VALID : UNSURE)) === INVALID) return out;
  }
  if (rule.ifRule !== undefined) {
    const condition = verdict(rule.ifRule, v, depth + 1);
    if (condition === UNSURE) return UNSURE;
    const branch = condition === VALID ? rule.thenRule : rule.elseRule;
    if (branch !== undefined) out = both(out, verdict(branch, v, depth + 1));
  }
  return out;
}
