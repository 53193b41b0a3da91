/**
 * The unified line diff every --dry-run prints (apig add/edit/remove..., init, lint --fix-dry-run). The common head
 * and tail are stripped first; Myers' algorithm on the rest costs (lines + changes) × changes, where a table of
 * common subsequences would be lines × lines (fixes are spread over a whole file: a spelling in every API).
 */
export type Op = { kind: ' ' | '-' | '+'; line: string };

/** Beyond this many differences the middle is shown replaced whole (a valid diff, not the shortest). */
const MAX_STEPS = 10_000;

/** The lines of a text; the final newline ends the last line rather than starting an empty one. */
function lines(text: string): string[] {
  if (text === '') return [];
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

/** Myers' shortest edit script between two lists of lines. */
function myers(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_STEPS);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d]: v before step d, for k in -(d+1)..d+1 (index k + d + 1).
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[off + k - 1] as number) < (v[off + k + 1] as number))
          ? (v[off + k + 1] as number)
          : (v[off + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  if (!done) return undefined;
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const row = trace[d] as Int32Array;
    const at = (k: number): number => row[k + d + 1] as number;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x] as string });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', line: b[--y] as string });
      else ops.push({ kind: '-', line: a[--x] as string });
    }
  }
  return ops.reverse();
}

export function lineOps(before: string, after: string): Op[] {
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (ls: string[]): Op[] => ls.map((line) => ({ kind: ' ', line }));
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle = myers(midA, midB) ?? [
    ...midA.map((line): Op => ({ kind: '-', line })),
    ...midB.map((line): Op => ({ kind: '+', line })),
  ];
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))];
}

export interface DiffStyle {
  added(s: string): string;
  removed(s: string): string;
  header(s: string): string;
}

const PLAIN: DiffStyle = { added: (s) => s, removed: (s) => s, header: (s) => s };

/** `--- name` / `+++ name` and @@ hunks with `context` lines around each change; '' when nothing changed. */
export function unifiedDiff(
  name: string,
  before: string,
  after: string,
  style: DiffStyle = PLAIN,
  context = 3,
): string {
  const ops = lineOps(before, after);
  const changed: number[] = [];
  for (let i = 0; i < ops.length; i++) if ((ops[i] as Op).kind !== ' ') changed.push(i);
  if (changed.length === 0) return '';
  const out = [style.header(`--- ${before === '' ? '/dev/null' : name}`), style.header(`+++ ${name}`)];
  // Lines of each side before the op at each index: one pass, not one per hunk.
  let oldLine = 0;
  let newLine = 0;
  let k = 0;
  let next = 0;
  while (k < changed.length) {
    const start = Math.max(next, (changed[k] as number) - context);
    let end = (changed[k] as number) + context;
    while (k + 1 < changed.length && (changed[k + 1] as number) - context <= end + 1)
      end = (changed[++k] as number) + context;
    end = Math.min(ops.length - 1, end);
    k++;
    for (; next < start; next++) {
      const o = ops[next] as Op;
      if (o.kind !== '+') oldLine++;
      if (o.kind !== '-') newLine++;
    }
    const hunk = ops.slice(start, end + 1);
    const oldLen = hunk.filter((o) => o.kind !== '+').length;
    const newLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(
      style.header(`@@ -${oldLine + (oldLen > 0 ? 1 : 0)},${oldLen} +${newLine + (newLen > 0 ? 1 : 0)},${newLen} @@`),
    );
    for (const o of hunk)
      out.push(
        o.kind === '+' ? style.added(`+${o.line}`) : o.kind === '-' ? style.removed(`-${o.line}`) : ` ${o.line}`,
      );
    oldLine += oldLen;
    newLine += newLen;
    next = end + 1;
  }
  return `${out.join('\n')}\n`;
}
