import { DateTime } from 'luxon';

// Formats seen in exports and feeds that ISO/RFC parsers refuse, e.g. Twitter's
// `2015-02-24 11:35:52 -0800` and spreadsheet-style `2015-02-24 11:35:52`.
const EXTRA_FORMATS = [
  'yyyy-MM-dd HH:mm:ss ZZZ',
  'yyyy-MM-dd HH:mm:ss ZZ',
  'yyyy-MM-dd HH:mm:ss.SSS ZZZ',
  'yyyy-MM-dd HH:mm:ss z',
  'yyyy-MM-dd HH:mm ZZZ',
  'yyyy/MM/dd HH:mm:ss ZZZ',
  'yyyy/MM/dd HH:mm:ss',
  'EEE MMM dd HH:mm:ss ZZZ yyyy',
  // Spreadsheet exports (`31-Jul-18`); the month name makes day and month unambiguous.
  'd-MMM-yy',
  'd-MMM-yyyy',
];

// `2015-02-24 11:35:52 -0800` and `2015-02-24T11:35:52Z`-like stamps are most of what imports
// carry; reading them directly is several times faster than luxon's tour of formats.
const COMMON = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? ?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

function parseCommon(text: string): number | null {
  const m = COMMON.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const local = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), frac ? Number(frac.padEnd(3, '0')) : 0);
  if (new Date(local).getUTCDate() !== day) return null;
  const offset = z ? 0 : (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  return local - offset * 60_000;
}

/**
 * Parses a date written in any ISO-8601 / RFC 2822 / HTTP form (and a few export forms) into
 * UTC epoch milliseconds. A date without a zone is read as UTC. Returns null when unreadable.
 */
export function parseDate(input: unknown): number | null {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input.getTime();
  if (typeof input === 'number') return epochFromNumber(input);
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (text === '') return null;
  if (/^\d{9,13}(\.\d+)?$/.test(text)) return epochFromNumber(Number(text));

  const common = parseCommon(text);
  if (common !== null) return common;

  const opts = { zone: 'utc', setZone: true, locale: 'en-US' } as const;
  let dt = DateTime.fromISO(text, opts);
  if (!dt.isValid) dt = DateTime.fromRFC2822(text, opts);
  if (!dt.isValid) dt = DateTime.fromHTTP(text, opts);
  if (!dt.isValid) dt = DateTime.fromSQL(text, opts);
  for (const format of EXTRA_FORMATS) {
    if (dt.isValid) break;
    dt = DateTime.fromFormat(text, format, opts);
  }
  return dt.isValid ? dt.toMillis() : null;
}

// Numbers below 1e11 are epoch seconds (up to year 5138), above are milliseconds.
function epochFromNumber(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return value < 1e11 ? Math.round(value * 1000) : Math.round(value);
}

export function toIso(epochMs: number | null | undefined): string | null {
  return epochMs == null ? null : new Date(epochMs).toISOString();
}

/**
 * An ISO-8601 date or date-time from a request. One without an offset (`2015-02-17`,
 * `2015-02-17T09:00`) means that wall-clock time in `tz`: a user asking for Feb 17 in
 * Kolkata means Kolkata's Feb 17.
 */
export function parseIsoInZone(value: string, tz: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const dt = DateTime.fromISO(value, { zone: tz });
  return dt.isValid ? dt.toMillis() : null;
}
