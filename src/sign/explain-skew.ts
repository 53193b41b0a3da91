/**
 * `signature expired` (000 §4.8): the clock skew when the gateway gave both times; otherwise the X-Sdk-Date apig
 * signed and the local clock, for the user to judge the skew.
 */
import type { ClockSkew, Explanation, LocalClock } from './explanation.js';
import type { GatewayReport } from './explain-parse.js';
import { formatSdkDate, formatSkew, parseSdkDate } from './sdk-date.js';
import type { SignTrace } from './sign.js';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** `2h01m37s behind`, `5m00s ahead of`: where `ms` (other − ours) puts ours relative to the other clock. */
function relation(ms: number): string {
  return `${formatSkew(ms).replace(/^[+-]/, '')} ${ms >= 0 ? 'behind' : 'ahead of'}`;
}

/**
 * Local time sent as UTC shows as a skew of whole hours: UTC offsets run from −12 to +14 hours, and are whole
 * hours but for a few :30/:45 zones. A skew of days is something else.
 */
function wholeHours(ms: number): number | undefined {
  const hours = Math.abs(ms) / 3_600_000;
  const whole = Math.round(hours);
  return hours >= 1 && whole <= 14 && Math.abs(hours - whole) * 60 <= 16 ? whole : undefined;
}

export function explainSkew(r: Extract<GatewayReport, { kind: 'expired' }>, ours: SignTrace, now: Date): Explanation {
  if (r.signatureTime === undefined || r.serverTime === undefined) return explainExpiredWithoutTimes(r, ours, now);
  const sig = parseSdkDate(r.signatureTime);
  const srv = parseSdkDate(r.serverTime);
  const skew: ClockSkew = { signatureTime: r.signatureTime, serverTime: r.serverTime };
  const causes: string[] = [];
  if (sig && srv) {
    skew.skewMs = srv.getTime() - sig.getTime();
    skew.skew = formatSkew(skew.skewMs);
    causes.push(
      `the signature time is ${relation(skew.skewMs)} the gateway clock; ` +
        `the limit is ±15 minutes (FAQ (2024) §4.8): fix the client clock (NTP)`,
    );
    const hours = wholeHours(skew.skewMs);
    if (hours !== undefined) {
      causes.push(
        `a skew close to a whole number of hours (${hours} h) suggests local time sent as UTC: ` +
          `X-Sdk-Date must be UTC (YYYYMMDDTHHMMSSZ)`,
      );
    }
    if (Math.abs(skew.skewMs) <= FIFTEEN_MINUTES)
      causes.push('the times are within 15 minutes of each other: the request was probably replayed or delayed');
  }
  if (ours.sdkDate === r.signatureTime)
    causes.push('apig signed the same X-Sdk-Date: pass --date with a current time, or leave it out to use now');
  return {
    kind: 'expired',
    summary:
      `signature expired: signed at ${r.signatureTime}, ` +
      `gateway time ${r.serverTime}${skew.skew ? ` (skew ${skew.skew})` : ''}`,
    lines: [],
    causes,
    skew,
  };
}

/**
 * A bare `signature expired` (or one time only): the gateway's clock is unknown, so show the X-Sdk-Date apig
 * signed and the local clock, and say what each comparison means.
 */
function explainExpiredWithoutTimes(
  r: Extract<GatewayReport, { kind: 'expired' }>,
  ours: SignTrace,
  now: Date,
): Explanation {
  const said =
    r.signatureTime !== undefined
      ? `said only the signature time, ${r.signatureTime}`
      : r.serverTime !== undefined
        ? `said only its own time, ${r.serverTime}`
        : 'did not say the signature time or its own time';
  const local: LocalClock = { signatureTime: ours.sdkDate, now: formatSdkDate(now) };
  const causes = [
    'the X-Sdk-Date was more than 15 minutes away from the gateway clock, either way (the limit is ±15 minutes, ' +
      "FAQ (2024) §4.8): compare the X-Sdk-Date the client sent with the gateway's time",
  ];
  const signed = parseSdkDate(ours.sdkDate);
  if (!signed) {
    causes.push(
      `the X-Sdk-Date apig signed, "${ours.sdkDate}", ` +
        `is not YYYYMMDDTHHMMSSZ (UTC): pass --date with the X-Sdk-Date the client sent`,
    );
  } else {
    local.offsetMs = now.getTime() - signed.getTime();
    local.offset = formatSkew(local.offsetMs);
    const hours = wholeHours(local.offsetMs);
    if (Math.abs(local.offsetMs) > FIFTEEN_MINUTES) {
      causes.push(
        `the X-Sdk-Date apig signed (${ours.sdkDate}) is ${relation(local.offsetMs)} the local clock ` +
          `(${local.now}): if the client sent this date and the local clock is right, it was outside the window`,
      );
      if (hours !== undefined)
        causes.push(
          `a difference close to a whole number of hours (${hours} h) ` +
            `suggests local time sent as UTC: X-Sdk-Date must be UTC (YYYYMMDDTHHMMSSZ)`,
        );
    } else {
      causes.push(
        `the X-Sdk-Date apig signed (${ours.sdkDate}) is within 15 minutes of the local clock (${local.now}): ` +
          `if the client signed with this clock, this clock is probably more than 15 minutes off the gateway's: ` +
          `sync it (NTP) and compare it with the gateway's time (the Date header of one of its responses)`,
      );
    }
  }
  causes.push(
    'a request retried or replayed more than 15 minutes after it ' +
      'was signed is rejected the same way: sign every attempt anew',
  );
  return {
    kind: 'expired',
    summary: `signature expired (outside the ±15-minute window); the gateway ${said}`,
    lines: [],
    causes,
    local,
  };
}
