// Numbers and times as people read them, in the viewer's own time zone and locale.

export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const monthOnly = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const isoDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

export function formatTime(iso) {
  return dateTime.format(new Date(iso));
}

/** A bucket's start as its unit reads: "Feb 12, 2015, 3:00 PM" for hours, "Feb 12, 2015" for days. */
export function formatBucket(iso, unit) {
  const d = new Date(iso);
  if (unit === 'hour') return dateTime.format(d);
  if (unit === 'month') return monthOnly.format(d);
  return unit === 'week' ? `Week of ${dateOnly.format(d)}` : dateOnly.format(d);
}

/** YYYY-MM-DD of an instant in the viewer's zone. */
export function dayOf(instant) {
  return isoDay.format(new Date(instant));
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no zone involved). */
export function addDays(day, n) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function daysBetween(from, to) {
  const t = (day) => Date.parse(`${day}T00:00:00Z`);
  return Math.round((t(to) - t(from)) / 86_400_000);
}

export function int(n) {
  return n === null || n === undefined ? '–' : Math.round(n).toLocaleString();
}

export function percent(share, digits = 0) {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(digits)} %`;
}

/** A signed change: "+12 %", "−3 %", "new" when there was nothing before. */
export function change(value, unit = '%', digits = 0) {
  if (value === null || value === undefined) return 'new';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${Math.abs(value).toFixed(digits)}${unit === '%' ? ' %' : unit}`;
}

export const SENTIMENT_NAMES = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' };

export const ALERT_KINDS = { volume_spike: 'Volume spike', negative_spike: 'Negative spike', emerging_topic: 'Emerging topic' };
