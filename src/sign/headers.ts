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

/**
 * Ordered, de-duplicated headers; a repeated name gets the comma-joined value a server would see (§3 step 7).
 * A plain array searched linearly: requests carry a handful of headers, and creating a Map per signature
 * cost more than the searches (bench/sign.bench.mjs).
 */
export class HeaderBag {
  private readonly list: HeaderField[] = [];

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
    const record = input as Readonly<Record<string, string | readonly string[] | undefined>>;
    // Object.keys with an index loop: measurably faster than for...in or Object.entries here.
    const names = Object.keys(record);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = record[name];
      if (value !== undefined) this.add(name, typeof value === 'string' ? value : value.join(', '));
    }
  }

  add(name: string, value: string): void {
    const lower = name.toLowerCase();
    const existing = this.get(lower);
    if (existing) existing.value = `${existing.value}, ${value}`;
    else this.list.push({ name, lower, value });
  }

  /** Adds the header only when no header of that name (any case) exists; returns whether it did. */
  addIfAbsent(name: string, value: string): boolean {
    if (this.get(name.toLowerCase())) return false;
    this.list.push({ name, lower: name.toLowerCase(), value });
    return true;
  }

  get(lower: string): HeaderField | undefined {
    for (const f of this.list) if (f.lower === lower) return f;
    return undefined;
  }

  has(lower: string): boolean {
    return this.get(lower) !== undefined;
  }

  /** The fields in insertion order (do not modify the array). */
  fields(): readonly HeaderField[] {
    return this.list;
  }

  /** Lower-case names in insertion order (a new array). */
  names(): string[] {
    return this.list.map((f) => f.lower);
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
