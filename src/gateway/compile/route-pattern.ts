/**
 * An API's request path as a sequence of segments, and the precedence between two patterns (ruling 3).
 * `{name}` is one whole segment (002 §5.2.1: partial segments are not supported, so `abc{x}` stays literal);
 * a trailing `{name+}` takes one or more segments and is meaningful in exact match only.
 */
import type { ApiMethod, MatchMode } from '../../core/model.js';

export type SegmentKind = 'static' | 'param' | 'greedy';

export interface Segment {
  kind: SegmentKind;
  /** The literal text (static) or the parameter name. */
  text: string;
}

export interface RoutePattern {
  path: string;
  method: ApiMethod;
  mode: MatchMode;
  segments: Segment[];
  /** Prefix patterns written with a trailing slash (`/test/`) need at least one more segment. */
  slash: boolean;
}

const PARAM = /^\{([^{}+]+)(\+?)\}$/;

/** `/a/{b}/c` → static a, param b, static c. `/test/` in prefix mode → static test with `slash`. */
export function parsePattern(path: string, method: ApiMethod, mode: MatchMode): RoutePattern {
  const parts = path.split('/').slice(1);
  let slash = false;
  if (mode === 'SWA' && parts.length > 0 && parts[parts.length - 1] === '') {
    parts.pop();
    slash = true;
  }
  const segments = parts.map((p, i): Segment => {
    const m = PARAM.exec(p);
    if (!m) return { kind: 'static', text: p };
    const greedy = m[2] === '+' && i === parts.length - 1 && mode === 'NORMAL';
    return { kind: greedy ? 'greedy' : 'param', text: m[1] as string };
  });
  return { path, method, mode, segments, slash };
}

/** Two patterns with the same shape conflict (ruling 3: a lint error, and a build error here). */
export function shapeKey(p: RoutePattern): string {
  const shape = p.segments.map((s) => (s.kind === 'static' ? `s:${s.text}` : s.kind)).join('/');
  return `${p.mode} ${p.method} ${shape}${p.slash ? '/' : ''}`;
}

const KIND_RANK = { static: 0, param: 1, greedy: 2 } as const satisfies Record<SegmentKind, number>;

/** Prefix length in half-segments: `/test/` is longer than `/test` and shorter than `/test/a`. */
export function prefixLength(p: RoutePattern): number {
  return p.segments.length * 2 + (p.slash ? 1 : 0);
}

/**
 * The written precedence contract (ruling 3), as a comparator over patterns that all match one request:
 * 1. exact (NORMAL) before prefix (SWA); 2. among prefixes the longest first (whole segments only);
 * 3. left to right, a static segment before `{param}` before `{param+}`; 4. a specific method before ANY.
 * Negative when `a` wins.
 */
export function comparePrecedence(a: RoutePattern, b: RoutePattern): number {
  if (a.mode !== b.mode) return a.mode === 'NORMAL' ? -1 : 1;
  if (a.mode === 'SWA') {
    const d = prefixLength(b) - prefixLength(a);
    if (d !== 0) return d;
  }
  const n = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const d = KIND_RANK[(a.segments[i] as Segment).kind] - KIND_RANK[(b.segments[i] as Segment).kind];
    if (d !== 0) return d;
  }
  if (a.method !== b.method) return a.method === 'ANY' ? 1 : b.method === 'ANY' ? -1 : 0;
  return 0;
}

/** A reason in words, for the trace: why this pattern matched as it did. */
export function describePattern(p: RoutePattern): string {
  const counts = { static: 0, param: 0, greedy: 0 } satisfies Record<SegmentKind, number>;
  for (const s of p.segments) counts[s.kind]++;
  const kinds = [
    `${counts.static} static`,
    ...(counts.param ? [`${counts.param} {param}`] : []),
    ...(counts.greedy ? ['a trailing {param+}'] : []),
  ];
  const segments = `${p.segments.length} segment${p.segments.length === 1 ? '' : 's'}`;
  const mode =
    p.mode === 'NORMAL' ? 'exact match' : `prefix match (${segments}${p.slash ? ' and a trailing slash' : ''})`;
  return `${mode}; ${kinds.join(', ')} segment(s); method ${p.method === 'ANY' ? 'ANY' : 'specific'}`;
}

/** Whether one pattern matches the (decoded) request segments on its own: the router's test oracle. */
export function matchesAlone(p: RoutePattern, segs: readonly string[]): boolean {
  const n = p.segments.length;
  for (let i = 0; i < n; i++) {
    const s = p.segments[i];
    const v = segs[i];
    if (!s) return false;
    if (s.kind === 'greedy') return segs.slice(i).join('/') !== '';
    if (v === undefined) return false;
    if (s.kind === 'static' ? v !== s.text : v === '') return false;
  }
  if (p.mode === 'NORMAL') return segs.length === n;
  return p.slash ? segs.length > n : segs.length >= n;
}
