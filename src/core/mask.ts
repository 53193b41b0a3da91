/**
 * How a secret (app secret, SK, AppCode, token, signature-key secret) is shown anywhere apig prints one:
 * the first 3 characters and `***`; short values are hidden entirely, so little of a secret ever shows.
 */
export function maskSecret(secret: string): string {
  return secret.length < 8 ? '***' : `${secret.slice(0, 3)}***`;
}
