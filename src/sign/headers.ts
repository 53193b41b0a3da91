/** Header lists as the signer and the verifier see them: case-insensitive names, one value per name. */

/** Headers as a record (Node's `IncomingMessage.headers` fits) or as ordered `[name, value]` pairs. */
export type HeaderInput =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | ReadonlyArray<readonly [string, string]>;

export interface HeaderField {
  /** The name as first written (sent as-is). */
  name: string;
  /** Lower-case name: the canonical form (signing.md §3 step 6). */
  lower: string;
  value: string;
}

/** Ordered, de-duplicated headers; a repeated name gets the comma-joined value a server would see (§3 step 7). */
export class HeaderBag {
  private readonly byLower = new Map<string, HeaderField>();

  static from(...inputs: ReadonlyArray<HeaderInput | undefined>): HeaderBag {
    const bag = new HeaderBag();
    for (const input of inputs) if (input) bag.addAll(input);
    return bag;
  }

  addAll(input: HeaderInput): void {
    if (Array.isArray(input)) {
      for (const [name, value] of input as ReadonlyArray<readonly [string, string]>) this.add(name, value);
      return;
    }
    for (const [name, value] of Object.entries(input as Readonly<Record<string, string | readonly string[] | undefined>>)) {
      if (value === undefined) continue;
      this.add(name, typeof value === 'string' ? value : value.join(', '));
    }
  }

  add(name: string, value: string): void {
    const lower = name.toLowerCase();
    const existing = this.byLower.get(lower);
    if (existing) existing.value = `${existing.value}, ${value}`;
    else this.byLower.set(lower, { name, lower, value });
  }

  /** Adds the header only when no header of that name (any case) exists; returns whether it did. */
  addIfAbsent(name: string, value: string): boolean {
    if (this.byLower.has(name.toLowerCase())) return false;
    this.add(name, value);
    return true;
  }

  get(lower: string): HeaderField | undefined {
    return this.byLower.get(lower);
  }

  has(lower: string): boolean {
    return this.byLower.has(lower);
  }

  fields(): HeaderField[] {
    return [...this.byLower.values()];
  }
}

/** Removes leading/trailing SP and HTAB only; inner runs stay (signing.md §3 step 7). */
export function trimOws(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && (value.charCodeAt(start) === 0x20 || value.charCodeAt(start) === 0x09)) start++;
  while (end > start && (value.charCodeAt(end - 1) === 0x20 || value.charCodeAt(end - 1) === 0x09)) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}
