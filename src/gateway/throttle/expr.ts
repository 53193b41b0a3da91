/**
 * Throttle 2.0 rule conditions (practices.md §1.1.4): `name = value` joined by AND and OR with parentheses for
 * the "sub-levels" (转子层级). The documented example `(reqPath = /fc) OR ((reqPath = /list) AND (method = get))`
 * reads as written; AND binds tighter than OR when parentheses are left out. Only `=` is documented.
 */

export type Expr = { op: 'eq'; name: string; value: string } | { op: 'and' | 'or'; left: Expr; right: Expr };

/** `(`, `)`, AND, OR (upper-case words between spaces, as the console writes them) or a condition. */
function tokens(text: string): string[] {
  return text
    .split(/(\(|\)|(?:^|\s+)AND(?=\s|\(|$)|(?:^|\s+)OR(?=\s|\(|$))/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export function parseExpr(text: string): Expr {
  const ts = tokens(text);
  let i = 0;
  const peek = (): string | undefined => ts[i];
  const condition = (): Expr => {
    const t = ts[i++];
    if (t === undefined) throw new Error('the condition ends early');
    if (t === '(') {
      const inner = or();
      if (ts[i++] !== ')') throw new Error('a "(" is not closed');
      return inner;
    }
    const eq = t.indexOf('=');
    if (eq <= 0) throw new Error(`${JSON.stringify(t)} is not "name = value"`);
    return { op: 'eq', name: t.slice(0, eq).trim(), value: t.slice(eq + 1).trim() };
  };
  const and = (): Expr => {
    let left = condition();
    while (peek() === 'AND') {
      i++;
      left = { op: 'and', left, right: condition() };
    }
    return left;
  };
  const or = (): Expr => {
    let left = and();
    while (peek() === 'OR') {
      i++;
      left = { op: 'or', left, right: and() };
    }
    return left;
  };
  const e = or();
  if (i !== ts.length) throw new Error(`unexpected ${JSON.stringify(ts[i])}`);
  return e;
}

/** `lookup` gives a named value of the request, or undefined when absent (an absent value matches nothing). */
export function evalExpr(e: Expr, lookup: (name: string) => { value: string; caseless: boolean } | undefined): boolean {
  if (e.op !== 'eq')
    return e.op === 'and'
      ? evalExpr(e.left, lookup) && evalExpr(e.right, lookup)
      : evalExpr(e.left, lookup) || evalExpr(e.right, lookup);
  const v = lookup(e.name);
  if (v === undefined) return false;
  return v.caseless ? v.value.toLowerCase() === e.value.toLowerCase() : v.value === e.value;
}
