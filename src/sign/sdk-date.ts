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

/** Parses an X-Sdk-Date value; undefined when the format or the calendar date is invalid (e.g. second 92). */
export function parseSdkDate(value: string): Date | undefined {
  const m = SDK_DATE_PATTERN.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls over out-of-range fields; a round trip catches them.
  return formatSdkDate(date) === value ? date : undefined;
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
