/**
 * YAML anchors and aliases under an edit. An edit inside an anchored node (`&be`) would change every place
 * that aliases it (`*be`) too, and a removed anchor leaves its aliases dangling. Before such an edit, those
 * aliases are written out as copies of what they point to (the data stays the same), so that the edit changes
 * only the place it is about.
 */
import { isMap, isPair, isSeq, visit, type Document, type Node } from 'yaml';
import { type Ctx, type Edit, isFlow, itemReplacement, oneLineFlow, replacement } from './reconcile-render.js';

/** Whether the document has any alias at all (the common case is none: nothing to check). */
export function hasAliases(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

const touches = (node: Node, edits: readonly Edit[]): boolean => {
  const [from, , to] = node.range ?? [0, 0, 0];
  return edits.some((e) => e.start <= to && e.end >= from);
};

/**
 * The edits that write out, as copies, the aliases of every anchor whose node one of `edits` touches; undefined
 * when an alias cannot be written out (it is a map key).
 */
export function aliasCopies(ctx: Ctx, edits: readonly Edit[]): Edit[] | undefined {
  const anchored = new Map<string, Node>();
  visit(ctx.doc, {
    Node(_, node) {
      if (node.anchor && touches(node, edits)) anchored.set(node.anchor, node);
    },
  });
  if (anchored.size === 0) return [];
  const out: Edit[] = [];
  let ok = true;
  visit(ctx.doc, {
    Alias(key, alias, path) {
      const target = anchored.get(alias.source);
      if (!target || !alias.range) return;
      const data: unknown = target.toJS(ctx.doc, { maxAliasCount: -1 });
      const parent = path[path.length - 1];
      const holder = isPair(parent) ? path[path.length - 2] : parent;
      if (key === 'key') ok = false;
      else if ((isMap(holder) || isSeq(holder)) && isFlow(holder as Node)) {
        const text = oneLineFlow(data);
        if (text === undefined) ok = false;
        else out.push({ start: alias.range[0], end: alias.range[1], text });
      } else if (isPair(parent)) out.push(replacement(ctx, parent, data));
      else if (isSeq(parent)) out.push(itemReplacement(ctx, alias, data));
      else ok = false;
    },
  });
  return ok ? out : undefined;
}
