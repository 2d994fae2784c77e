import { median } from './stats.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SeasonalBaselineOptions {
  /** Size of one bucket in ms (the series' resolution). */
  bucketMs: number;
  /** How many past periods (days for sub-daily buckets, weeks for daily ones) to look back. Default 7. */
  periods?: number;
  /** Neighbouring slots on each side pooled with the slot itself (smooths a jagged profile). Default 1. */
  neighbours?: number;
  /** Local-time offset in minutes, so slots follow the audience's day, not UTC's. Default 0. */
  utcOffsetMinutes?: number;
  /**
   * Sub-daily buckets: read weekdays for a weekday and weekend days for a weekend day (looking back
   * up to four times `periods` days), falling back to any day while fewer than two of the kind
   * exist. Default true. Daily buckets always compare the same day of the week.
   */
  dayOfWeek?: boolean;
}

/**
 * The expected count per bucket at a time of day (or day of week for daily buckets): the median
 * of the per-bucket rate in the same slot (± neighbours) over the previous `periods` periods. The
 * median keeps a past incident from becoming normal, and the caller stores winsorized values.
 * Only slots strictly before the current period are read, so a decision never sees its own day.
 */
export class SeasonalBaseline {
  readonly slotMs: number;
  readonly periodSlots: number;
  private readonly periods: number;
  private readonly neighbours: number;
  private readonly offsetMs: number;
  private readonly dayOfWeek: boolean;
  private readonly lookback: number;
  /** Absolute slot index → sum of stored values and how many buckets were present. */
  private readonly slots = new Map<number, { sum: number; n: number }>();

  constructor(opts: SeasonalBaselineOptions) {
    this.slotMs = opts.bucketMs < DAY ? Math.max(HOUR, opts.bucketMs) : DAY;
    const periodMs = opts.bucketMs < DAY ? DAY : 7 * DAY;
    this.periodSlots = Math.max(1, Math.round(periodMs / this.slotMs));
    this.periods = opts.periods ?? 7;
    this.neighbours = opts.neighbours ?? 1;
    this.offsetMs = (opts.utcOffsetMinutes ?? 0) * 60_000;
    this.lookback = this.periods * 4;
    this.dayOfWeek = (opts.dayOfWeek ?? true) && this.periodSlots * this.slotMs === DAY;
  }

  /** Saturday and Sunday (local) — the day-of-week split that matters most for mentions. */
  private weekend(slot: number): boolean {
    const day = new Date(slot * this.slotMs).getUTCDay();
    return day === 0 || day === 6;
  }

  slotOf(t: number): number {
    return Math.floor((t + this.offsetMs) / this.slotMs);
  }

  /** Expected value per bucket at `t`, and how many past slots it rests on (0 → no baseline yet). */
  rate(t: number): { rate: number; samples: number } {
    const slot = this.slotOf(t);
    const days = this.dayOfWeek ? this.pickDays(slot) : Array.from({ length: this.periods }, (_, i) => i + 1);
    const rates: number[] = [];
    for (const p of days) {
      for (let d = -this.neighbours; d <= this.neighbours; d++) {
        const s = this.slots.get(slot - p * this.periodSlots + d);
        if (s && s.n > 0) rates.push(s.sum / s.n);
      }
    }
    return rates.length ? { rate: median(rates), samples: rates.length } : { rate: 0, samples: 0 };
  }

  /** Periods back (1 = yesterday) to read: the latest `periods` days of the same kind. */
  private pickDays(slot: number): number[] {
    const kind = this.weekend(slot);
    const same: number[] = [];
    const other: number[] = [];
    for (let p = 1; p <= this.lookback && same.length < this.periods; p++) {
      if (!this.slots.has(slot - p * this.periodSlots)) continue;
      (this.weekend(slot - p * this.periodSlots) === kind ? same : other).push(p);
    }
    return same.length >= 2 ? same : [...same, ...other].sort((a, b) => a - b).slice(0, this.periods);
  }

  /** Record one bucket's (already winsorized) value. */
  add(t: number, value: number): void {
    const slot = this.slotOf(t);
    const s = this.slots.get(slot);
    if (s) {
      s.sum += value;
      s.n += 1;
    } else {
      this.slots.set(slot, { sum: value, n: 1 });
      const horizon = slot - (this.lookback + 1) * this.periodSlots - this.neighbours;
      for (const k of this.slots.keys()) if (k < horizon) this.slots.delete(k);
    }
  }
}
