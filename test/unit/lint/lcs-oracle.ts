/**
 * The table-of-common-subsequences line diff and hunk writer authoring used before src/core/line-diff.ts: the
 * oracle the Myers diff is compared with.
 */
export type Op = { kind: ' ' | '-' | '+'; line: string };

function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS length of a[i..] and b[j..], one row per line of a.
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lengths[i] as Uint32Array;
    const below = lengths[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--)
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i] as string });
      i++;
      j++;
    } else if (i < n && (j === m || (lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)))
      ops.push({ kind: '-', line: a[i++] as string });
    else ops.push({ kind: '+', line: b[j++] as string });
  }
  return ops;
}

/** The lines of a text; the final newline ends the last line rather than starting an empty one. */
function lines(text: string): string[] {
  if (text === '') return [];
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

export function lineOps(before: string, after: string): Op[] {
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (lines: string[]): Op[] => lines.map((line) => ({ kind: ' ', line }));
  return [
    ...same(a.slice(0, head)),
    ...lcsOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...same(a.slice(a.length - tail)),
  ];
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
  const changed = ops.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  const out = [style.header(`--- ${before === '' ? '/dev/null' : name}`), style.header(`+++ ${name}`)];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, (changed[k] as number) - context);
    let end = (changed[k] as number) + context;
    while (k + 1 < changed.length && (changed[k + 1] as number) - context <= end + 1)
      end = (changed[++k] as number) + context;
    end = Math.min(ops.length - 1, end);
    k++;
    const before0 = ops.slice(0, start).filter((o) => o.kind !== '+').length;
    const after0 = ops.slice(0, start).filter((o) => o.kind !== '-').length;
    const hunk = ops.slice(start, end + 1);
    const oldLen = hunk.filter((o) => o.kind !== '+').length;
    const newLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(
      style.header(`@@ -${before0 + (oldLen > 0 ? 1 : 0)},${oldLen} +${after0 + (newLen > 0 ? 1 : 0)},${newLen} @@`),
    );
    for (const o of hunk)
      out.push(
        o.kind === '+' ? style.added(`+${o.line}`) : o.kind === '-' ? style.removed(`-${o.line}`) : ` ${o.line}`,
      );
  }
  return `${out.join('\n')}\n`;
}
