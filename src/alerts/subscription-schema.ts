/** What a subscription says, as the API takes it; the checks that span fields are in `crossCheck`. */
import { z } from '@hono/zod-openapi';
import { validate as isCron } from 'node-cron';
import { isValidZone } from '../analytics/buckets.js';
import { SENSITIVITY_THRESHOLDS } from '../analytics/detectors/index.js';
import { ALERT_KINDS } from '../db/alerts.js';

const SENSITIVITIES = Object.keys(SENSITIVITY_THRESHOLDS) as ['sensitive', 'balanced', 'strict'];

export const CHANNELS = ['webhook', 'slack', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
export const MODES = ['realtime', 'digest'] as const;
export const THRESHOLD_METRICS = ['negative_share', 'volume', 'average_rating', 'average_sentiment', 'net_sentiment', 'csat', 'nps'] as const;
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];
export const THRESHOLD_BUCKETS = ['hour', 'day', 'week'] as const;

export const thresholdSchema = z
  .strictObject({
    metric: z.enum(THRESHOLD_METRICS).openapi({ description: 'negative_share and csat are 0–1; average_rating 1–5; nps −100–100' }),
    op: z.enum(['above', 'below']),
    value: z.number(),
    bucket: z.enum(THRESHOLD_BUCKETS).default('day').openapi({ description: "the period judged, cut in the subscription's tz" }),
  })
  .openapi('ThresholdRule', { example: { metric: 'negative_share', op: 'above', value: 0.4, bucket: 'day' } });
export type ThresholdRule = z.output<typeof thresholdSchema>;

const slugList = z.array(z.string().trim().min(1)).max(50);

/** Every field, none defaulted: PATCH takes any of them. */
export const subscriptionFields = z.strictObject({
  name: z.string().trim().min(1).max(200),
  brand: z.string().trim().min(1).nullable().openapi({ description: 'a brand id; null or absent for every brand' }),
  topics: slugList.openapi({ description: 'topic ids (an alert on a subtopic counts); empty for any' }),
  sources: slugList.openapi({ description: 'source names; empty for any' }),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 code such as en or de')).max(50),
  kinds: z.array(z.enum(ALERT_KINDS)).min(1, 'name at least one alert kind').max(ALERT_KINDS.length),
  threshold: thresholdSchema.nullable(),
  sensitivity: z.enum(SENSITIVITIES),
  minVolume: z.number().int().min(0).openapi({ description: 'fewest mentions behind an alert for it to be sent' }),
  cooldownMinutes: z.number().int().min(0).max(7 * 24 * 60),
  maxPerHour: z.number().int().min(1).max(1000).nullable().openapi({ description: "alerts an hour before the rest become one summary; null: the config's delivery.maxPerHour" }),
  channel: z.enum(CHANNELS),
  target: z.string().trim().min(1).max(2000).openapi({ description: 'webhook or Slack incoming-webhook URL, or e-mail address(es) separated by commas' }),
  mode: z.enum(MODES).openapi({ description: 'realtime: each alert as it fires; digest: a summary on `schedule`' }),
  schedule: z.string().nullable().openapi({ description: "cron expression (5 or 6 fields) of a digest, read in tz", example: '0 8 * * 1' }),
  tz: z.string().refine(isValidZone, { message: 'not an IANA time zone (e.g. Europe/Amsterdam)' }),
  enabled: z.boolean(),
});

export const SUBSCRIPTION_DEFAULTS = {
  brand: null,
  topics: [] as string[],
  sources: [] as string[],
  languages: [] as string[],
  kinds: ['volume_spike', 'negative_spike', 'emerging_topic'] as (typeof ALERT_KINDS)[number][],
  threshold: null,
  sensitivity: 'balanced' as const,
  minVolume: 10,
  cooldownMinutes: 60,
  maxPerHour: null,
  mode: 'realtime' as const,
  schedule: null,
  tz: 'UTC',
  enabled: true,
};

export const createSubscriptionSchema = subscriptionFields
  .partial()
  .required({ channel: true, target: true })
  .openapi('NewSubscription', {
    example: {
      name: 'Acme delivery complaints',
      brand: 'acme',
      topics: ['delivery'],
      kinds: ['negative_spike', 'volume_spike'],
      channel: 'slack',
      target: 'https://hooks.slack.com/services/T000/B000/XXXX',
    },
  });
export const patchSubscriptionSchema = subscriptionFields
  .partial()
  .extend({ rotateSecret: z.boolean().optional().openapi({ description: 'a new webhook secret, shown in this answer only' }) })
  .openapi('SubscriptionChange');

export type SubscriptionSpec = z.output<typeof subscriptionFields>;

export interface FieldProblem {
  field: string;
  message: string;
}

const EMAIL = z.email();

/** The e-mail addresses of an e-mail target. */
export function emailAddresses(target: string): string[] {
  return target.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Checks between fields, on the whole (merged) subscription. */
export function crossCheck(s: SubscriptionSpec): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const wantsThreshold = s.kinds.includes('threshold');
  if (wantsThreshold && !s.threshold) problems.push({ field: 'threshold', message: "kinds has 'threshold': give the rule ({ metric, op, value, bucket })" });
  if (!wantsThreshold && s.threshold) problems.push({ field: 'kinds', message: "a threshold rule is given: add 'threshold' to kinds" });
  if (s.mode === 'digest') {
    if (!s.schedule) problems.push({ field: 'schedule', message: 'a digest needs a cron schedule (e.g. "0 8 * * *" for 08:00 daily)' });
    else if (!isCron(s.schedule)) problems.push({ field: 'schedule', message: `not a cron expression ('${s.schedule}')` });
  } else if (s.schedule) problems.push({ field: 'schedule', message: "only a digest has a schedule; set mode: 'digest'" });
  if (s.channel === 'email') {
    const addresses = emailAddresses(s.target);
    if (addresses.length === 0) problems.push({ field: 'target', message: 'give at least one e-mail address' });
    for (const a of addresses) if (!EMAIL.safeParse(a).success) problems.push({ field: 'target', message: `'${a}' is not an e-mail address` });
  } else if (!/^https?:\/\//i.test(s.target)) {
    problems.push({ field: 'target', message: `a ${s.channel} target is an http(s) URL` });
  }
  return problems;
}
