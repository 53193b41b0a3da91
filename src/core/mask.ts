/**
 * How a secret (app secret, SK, AppCode, token, signature-key secret) is shown anywhere apig prints one:
 * the first 3 characters and `***`; short values are hidden entirely, so little of a secret ever shows.
 */
export function maskSecret(secret: string): string {
  return secret.length < 8 ? '***' : `${secret.slice(0, 3)}***`;
}

/** A header or query parameter named like a credential (`X-Api-Key`, `api_key`, `access_token`, `client_secret`). */
export const CREDENTIAL_NAME = /secret|token|password|passwd|appcode|signature|api[-_]?key|access[-_]?key|^sk$/i;

/** A query string with the values of credential-like parameters masked (the rest as sent). */
export function maskQuery(query: string): string {
  if (query === '') return '';
  return query
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq === -1) return part;
      const name = part.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // kept as sent
      }
      return CREDENTIAL_NAME.test(decoded) ? `${name}=${maskSecret(part.slice(eq + 1))}` : part;
    })
    .join('&');
}

/** Every `?name=value` / `&name=value` in free text (a trace's `POST /path?api_key=...`), masked as maskQuery does. */
export function maskQueriesIn(text: string): string {
  if (!text.includes('=')) return text;
  return text.replace(/([?&])([^=&\s?#]+)=([^&\s#]*)/g, (whole, sep: string, name: string, value: string) => {
    const masked = maskQuery(`${name}=${value}`);
    return masked === `${name}=${value}` ? whole : `${sep}${masked}`;
  });
}
