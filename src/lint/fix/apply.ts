/**
 * Applies fixes to one file's text: pure (text in, text out), for `apig lint --fix` and an editor's quick fixes
 * alike. The fixes are applied in the order given, each checked against the data as the ones before it left it:
 * a fix whose places no longer hold what it expects is skipped whole (and says why); one whose result is already
 * there (the same fix of a finding reported twice) changes nothing. The text is then brought to the result with
 * authoring's comment- and format-preserving edits (data-edit.ts reads it, reconcile.ts writes it; renamed keys are
 * renamed in place first), and read back to make sure it holds exactly that. The text is read once (source.ts; an
 * editor passes the one it keeps per document version), and in YAML the entries the fixes changed are written on
 * their own lines where that gives the same bytes (local-reconcile.ts), so that one fix on a large file does not
 * parse the whole file again to write it and again to check it.
 */
import { ApigError } from '../../core/errors.js';
import { escapeSegment, parsePointer } from '../../core/pointer.js';
import { deepEqual, isRecord, setOwn } from '../../oas/codec.js';
import type { TextFormat } from '../../oas/source.js';
import { dataOf, renameKeyOf, unshared } from '../../workspace/authoring/data-edit.js';
import { jsonTextLike } from '../../workspace/authoring/json-edit.js';
import { reconcileText } from '../../workspace/authoring/reconcile.js';
import { valueIn } from './data.js';
import { reconcileLocally } from './local-reconcile.js';
import { type FixSource, readSource } from './source.js';
import type { Fix, FixEdit } from './types.js';
import { renameKeysInYaml, type KeyRename } from './yaml-rename.js';

export type FixOutcome = { status: 'applied' } | { status: 'already' } | { status: 'skipped'; why: string };

export interface FixedText {
  text: string;
  /** One per fix, in the order given. */
  outcomes: FixOutcome[];
}

type Obj = Record<string, unknown>;

const shown = (segments: readonly string[]): string => segments.map((s) => `/${escapeSegment(s)}`).join('');

/** One edit, checked against the data: its place and what it does there, or why it cannot. */
type Checked =
  | { kind: 'done' }
  | { kind: 'conflict'; why: string }
  | { kind: 'do'; edit: FixEdit; segments: string[]; holder: Obj | unknown[]; key: string };

function check(root: Obj, edit: FixEdit, segments: string[]): Checked {
  const key = segments[segments.length - 1];
  const holder = valueIn(root, segments.slice(0, -1));
  if (key === undefined || !(isRecord(holder) || Array.isArray(holder)))
    return { kind: 'conflict', why: `${shown(segments.slice(0, -1)) || 'the document'} is not there any more` };
  const at = shown(segments);
  const has = isRecord(holder) ? Object.hasOwn(holder, key) : /^\d+$/.test(key) && Number(key) < holder.length;
  const current = has ? (holder as Obj)[key] : undefined;
  const todo: Checked = { kind: 'do', edit, segments, holder, key };
  switch (edit.op) {
    case 'set':
      if (has && deepEqual(current, edit.value)) return { kind: 'done' };
      if (edit.was === undefined ? !has : has && deepEqual(current, edit.was)) return todo;
      return { kind: 'conflict', why: `${at} no longer holds ${edit.was === undefined ? 'nothing' : 'what it did'}` };
    case 'rename': {
      if (!isRecord(holder)) return { kind: 'conflict', why: `${at} is not a key of a map` };
      const target = Object.hasOwn(holder, edit.to);
      if (!has && target) return { kind: 'done' };
      if (has && !target) return todo;
      return { kind: 'conflict', why: has ? `${at}: the map already has a key "${edit.to}"` : `${at} is not there` };
    }
    case 'add':
      if (key === '-') {
        if (!Array.isArray(holder)) return { kind: 'conflict', why: `${shown(segments.slice(0, -1))} is not a list` };
        return holder.some((v) => deepEqual(v, edit.value)) ? { kind: 'done' } : todo;
      }
      if (!isRecord(holder)) return { kind: 'conflict', why: `${shown(segments.slice(0, -1))} is not a map` };
      if (!has) return todo;
      return deepEqual(current, edit.value) ? { kind: 'done' } : { kind: 'conflict', why: `${at} is already there` };
  }
}

/** The state of one file while its fixes are applied. */
class Working {
  /** Renames done so far, as pointer prefixes: a later edit's pointer (as lint reported it) is mapped through them. */
  readonly #moves: Array<{ from: string[]; to: string[] }> = [];
  /** The same renames at the places the original text has them, for the text. */
  readonly renames: KeyRename[] = [];
  changed = false;

  constructor(public root: Obj) {}

  segmentsOf(pointer: string): string[] {
    let segments = parsePointer(pointer);
    for (const m of this.#moves)
      if (m.from.length <= segments.length && m.from.every((s, i) => segments[i] === s))
        segments = [...m.to, ...segments.slice(m.from.length)];
    return segments;
  }

  apply(fix: Fix): FixOutcome {
    const checked = fix.edits.map((e) => check(this.root, e, this.segmentsOf(e.path)));
    const conflict = checked.find((c) => c.kind === 'conflict');
    if (conflict?.kind === 'conflict') return { status: 'skipped', why: conflict.why };
    const todo = checked.filter((c): c is Extract<Checked, { kind: 'do' }> => c.kind === 'do');
    if (todo.length === 0) return { status: 'already' };
    for (const c of todo) this.#do(c);
    this.changed = true;
    return { status: 'applied' };
  }

  #do({ edit, segments, holder, key }: Extract<Checked, { kind: 'do' }>): void {
    if (edit.op === 'rename') {
      const up = segments.slice(0, -1);
      const map = renameKeyOf(holder as Obj, key, edit.to);
      const outer = up.length === 0 ? undefined : valueIn(this.root, up.slice(0, -1));
      const at = up[up.length - 1] as string;
      if (outer === undefined) this.root = map;
      else if (Array.isArray(outer)) outer[Number(at)] = map;
      else setOwn<unknown>(outer as Obj, at, map);
      this.renames.push({ path: parsePointer(edit.path), to: edit.to });
      this.#moves.push({ from: segments, to: [...up, edit.to] });
      return;
    }
    const value = unshared(edit.value);
    if (Array.isArray(holder)) {
      if (key === '-') holder.push(value);
      else holder[Number(key)] = value;
    } else setOwn(holder, key, value);
  }
}

export interface ApplyOptions {
  /** The text read already (readSource), as an editor keeps it per document version: the source of this text. */
  source?: FixSource;
  /**
   * Reconcile the whole text even where the changed entries alone could be (local-reconcile.ts): the same bytes,
   * more slowly. Tests compare the two.
   */
  wholeFile?: boolean;
}

/** The text with the fixes applied, and what became of each. */
export function applyFixes(
  text: string,
  format: TextFormat,
  fixes: readonly Fix[],
  options: ApplyOptions = {},
): FixedText {
  const source = options.source ?? readSource(text, format);
  const none = (why: string): FixedText => ({ text, outcomes: fixes.map(() => ({ status: 'skipped', why })) });
  if (source.error !== undefined) return none(source.error);
  const data = source.data;
  if (!isRecord(data)) return none('the file does not hold a map');
  const working = new Working(unshared(data) as Obj);
  const outcomes = fixes.map((f) => working.apply(f));
  if (!working.changed) return { text, outcomes };
  try {
    // YAML: the changed entries alone when they can be (local-reconcile.ts: the same bytes, checked as it goes);
    // else the renamed keys first (in place), then every value brought to the result by one reconcile pass.
    const whole = options.wholeFile === true || format === 'json' || working.renames.length > 0;
    const local = whole ? undefined : reconcileLocally(source, working.root);
    if (local !== undefined) return { text: local, outcomes };
    const out =
      format === 'json'
        ? jsonTextLike(text, working.root)
        : reconcileText(renameKeysInYaml(text, working.renames, source.doc), format, working.root);
    if (!deepEqual(dataOf(out, format), working.root))
      throw new ApigError('input', 'the fixes could not be written without changing other parts of the file');
    return { text: out, outcomes };
  } catch (err) {
    if (!(err instanceof ApigError)) throw err;
    const why = err.message;
    return {
      text,
      outcomes: outcomes.map((o) => (o.status === 'applied' ? { status: 'skipped', why } : o)),
    };
  }
}
