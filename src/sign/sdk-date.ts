/** `X-Sdk-Date` values: UTC `YYYYMMDDTHHMMSSZ` (signing.md §1). */

export const SDK_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats a Date as an X-Sdk-Date value (UTC, seconds precision). */
export function formatSdkDate(d: Date): string {
  return (
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    'T' +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds()) +
    'Z'
  );
}

/** The number written by the digits of `value` from `at` to `at + width`; -1 unless all are ASCII digits. */
function digits(value: string, at: number, width: number): number {
  let n = 0;
  for (let i = at; i < at + width; i++) {
    const c = value.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Parses an X-Sdk-Date value (SDK_DATE_PATTERN, read digit by digit: it runs on every signed request); undefined
 * when the format or the calendar date is invalid (e.g. second 92, or a year before 100, which Date.UTC reads
 * as 19xx).
 */
export function parseSdkDate(value: string): Date | undefined {
  if (value.length !== 16 || value.charCodeAt(8) !== 0x54 || value.charCodeAt(15) !== 0x5a) return undefined;
  const y = digits(value, 0, 4);
  const mo = digits(value, 4, 2);
  const d = digits(value, 6, 2);
  const h = digits(value, 9, 2);
  const mi = digits(value, 11, 2);
  const s = digits(value, 13, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls over out-of-range fields: a date that does not read back as written is invalid.
  return date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s
    ? date
    : undefined;
}

/** `+2h01m37s` style rendering of a signed duration in milliseconds. */
export function formatSkew(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  let s = Math.round(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts =
    d > 0
      ? `${d}d${pad(h)}h${pad(m)}m${pad(s)}s`
      : h > 0
        ? `${h}h${pad(m)}m${pad(s)}s`
        : m > 0
          ? `${m}m${pad(s)}s`
          : `${s}s`;
  return sign + parts;
}
