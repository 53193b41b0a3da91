/**
 * What an imported object looked like, so that export writes it back exactly as written
 * (x-apigateway.md lists documented variants: `HTTPS` vs `https`, `exact` vs `equal`, numbers as strings...).
 * The model holds normalised values; `Kept` holds the written forms that differ from the canonical ones,
 * the keys we do not model, and the original key order.
 */
export interface Kept {
  kept?: KeptInfo;
}

export interface KeptInfo {
  /** Written value per canonical key, only where it differs from the canonical encoding of the model value. */
  values?: Record<string, unknown>;
  /** Written key per canonical key, where an alias was used (e.g. `parameter_name` for `parameter`). */
  keys?: Record<string, string>;
  /** Keys the model does not know, with their raw values (unknown `x-` fields included). */
  extra?: Record<string, unknown>;
  /** Original key order (written keys); objects written alike may share one array, so it is never changed. */
  order?: readonly string[];
}
