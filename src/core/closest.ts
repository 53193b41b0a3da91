/** "Did you mean ...?" for names the user typed: the closest known name within a small edit distance. */

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

/** The known name closest to `name` (case-insensitive), when at most `max` edits away. */
export function closest(name: string, known: Iterable<string>, max = 3): string | undefined {
  let best: { name: string; d: number } | undefined;
  const typed = name.toLowerCase();
  for (const k of known) {
    const d = distance(typed, k.toLowerCase());
    if (d <= max && (!best || d < best.d)) best = { name: k, d };
  }
  return best?.name;
}

/** ` (did you mean x?)`, or nothing. */
export function didYouMean(name: string, known: Iterable<string>, max = 3): string {
  const guess = closest(name, known, max);
  return guess === undefined ? '' : ` (did you mean ${guess}?)`;
}
