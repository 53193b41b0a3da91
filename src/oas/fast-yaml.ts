/**
 * The fast path of parseSource: js-yaml (core schema) builds the value and, through its parse events, a tree
 * of node spans, several times faster than composing a `yaml` Document (a 2,000-API file: ~0.2 s against
 * ~3 s). It gives up whenever its answer could differ from the `yaml` package's: on a parse error (returning
 * js-yaml's first error), on anchors or aliases (expansion limits stay the `yaml` package's), or when events
 * do not line up with the value (returning undefined). The caller then uses the `yaml` parse tree, which
 * also words every error message. A document that nests deeper than MAX_NESTING is refused here (js-yaml
 * recurses per level). It is itself the fallback of the single-pass readers (yaml-scan.ts, json-spans.ts),
 * which give the same answers faster wherever they can. Offsets are into the text as given, a BOM included.
 */
import jsyaml from 'js-yaml';
import { MAX_NESTING } from './nesting.js';
import { type Span, type SpanIndex, skipSpace, trimEnd } from './span-index.js';

export type { Span } from './span-index.js';

interface SpanNode extends Span {
  kind: string | null;
  result: unknown;
  children: SpanNode[];
}

export interface FastParse extends SpanIndex {
  value: unknown;
}

/** Wrapper nodes (a node whose only child has the same result) add nothing; keep the innermost. */
function unwrap(n: SpanNode): SpanNode {
  let node = n;
  while (node.children.length === 1 && node.children[0]?.result === node.result && node.children[0]?.kind === node.kind)
    node = node.children[0] as SpanNode;
  return node;
}

/** Children line up with the value: a mapping has key, value, key, value...; a sequence one child per item. */
function consistent(node: SpanNode, depth = 0): boolean {
  if (depth > 500) return false;
  const n = unwrap(node);
  if (n.kind === 'mapping') {
    const keys = Object.keys(n.result as object);
    if (n.children.length !== keys.length * 2) return false;
  } else if (n.kind === 'sequence') {
    if (n.children.length !== (n.result as unknown[]).length) return false;
  }
  return n.children.every((c) => consistent(c, depth + 1));
}

/** Thrown from the parse listener to stop at the first node past MAX_NESTING. */
class TooDeep {
  constructor(readonly offset: number) {}
}

/** The document nests deeper than MAX_NESTING: the offset of the first node past it. */
export interface TooDeepParse {
  tooDeepAt: number;
}

/** js-yaml's first syntax error (it stops there). */
export interface FastError {
  error: { reason: string; offset: number };
}

export function fastParse(source: string): FastParse | TooDeepParse | FastError | undefined {
  // js-yaml drops a BOM: offsets are counted without it, then moved past it.
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? source.slice(1) : source;
  const root: SpanNode = { start: 0, end: text.length, kind: null, result: undefined, children: [] };
  const stack: SpanNode[] = [root];
  let value: unknown;
  let anchors: object | undefined;
  const options: jsyaml.LoadOptions & { maxDepth: number } = {
    schema: jsyaml.CORE_SCHEMA,
    // js-yaml's own limit (100 by default, not in its types) stays above apig's, which the listener applies.
    maxDepth: MAX_NESTING + 2,
    listener(event, state) {
      anchors ??= (state as unknown as { anchorMap: object }).anchorMap;
      if (event === 'open') {
        // The stack holds the root sentinel and one entry per open node.
        if (stack.length > MAX_NESTING + 1) throw new TooDeep(state.position);
        stack.push({ start: state.position, end: state.position, kind: null, result: undefined, children: [] });
        return;
      }
      const node = stack.pop();
      const parent = stack[stack.length - 1];
      if (!node || !parent) return;
      node.end = state.position;
      node.kind = state.kind;
      node.result = state.result;
      parent.children.push(node);
    },
  };
  try {
    value = jsyaml.load(text, options);
  } catch (err) {
    if (err instanceof TooDeep) return { tooDeepAt: bom + skipSpace(text, err.offset) };
    // A second document is refused after the parse, with no mark: the start of the text stands for it.
    if (err instanceof jsyaml.YAMLException)
      return { error: { reason: err.reason, offset: bom + ((err.mark as jsyaml.Mark | undefined)?.position ?? 0) } };
    return undefined;
  }
  // Anchors and aliases: leave expansion limits (billion laughs) to the yaml package.
  if (anchors && Object.keys(anchors).length > 0) return undefined;
  const top = root.children[0] ? unwrap(root.children[0]) : undefined;
  if (!top || !consistent(top)) return undefined;
  const span = (n: SpanNode): Span => {
    const start = skipSpace(text, n.start);
    return { start: bom + start, end: bom + Math.max(start, trimEnd(text, start, n.end)) };
  };
  return {
    value,
    spanOf(segments) {
      let node = top;
      for (const seg of segments) {
        let next: SpanNode | undefined;
        if (node.kind === 'mapping') {
          for (let i = 0; i < node.children.length; i += 2) {
            if (String(node.children[i]?.result) === seg) {
              next = node.children[i + 1];
              break;
            }
          }
        } else if (node.kind === 'sequence') {
          next = node.children[Number(seg)];
        }
        if (!next) break;
        node = unwrap(next);
      }
      return span(node);
    },
  };
}
