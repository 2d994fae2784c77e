/**
 * Creating, changing and deleting subscriptions: every field checked against the store (the
 * brand, topics and sources must exist), webhook and Slack targets checked by the SSRF guard, and
 * a webhook's signing secret made here and shown once.
 */
import { smtpSettings, SmtpConfigError, type DeliveryConfig } from '../config/delivery.js';
import type { Db } from '../db/client.js';
import { cancelPendingFor } from '../db/deliveries.js';
import {
  brandExists,
  getSubscription,
  insertSubscription,
  knownTopics,
  markSubscriptionDeleted,
  ownerRevocations,
  sourceIdsByName,
  updateSubscription,
  type SubscriptionRow,
} from '../db/subscriptions.js';
import { newWebhookSecret } from './signature.js';
import { crossCheck, SUBSCRIPTION_DEFAULTS, type FieldProblem, type SubscriptionSpec } from './subscription-schema.js';
import { checkTarget, targetPolicy, TargetRefusedError, type Resolver } from './target-guard.js';

export class SubscriptionInvalid extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
}

export interface SubscriptionDeps {
  config: DeliveryConfig;
  resolve?: Resolver;
  now: number;
  env?: NodeJS.ProcessEnv;
}

async function validate(db: Db, s: SubscriptionSpec, deps: SubscriptionDeps, targetChanged: boolean): Promise<void> {
  const problems = crossCheck(s);
  if (s.brand !== null && !brandExists(db, s.brand)) problems.push({ field: 'brand', message: `no brand '${s.brand}' in the config` });
  const topics = knownTopics(db);
  for (const t of s.topics) if (!topics.has(t)) problems.push({ field: 'topics', message: `no topic '${t}' in the taxonomy` });
  const sources = sourceIdsByName(db);
  for (const name of s.sources) if (!sources.has(name)) problems.push({ field: 'sources', message: `no source named '${name}'` });
  if (s.channel === 'email') {
    try {
      smtpSettings(deps.config.smtp, deps.env);
    } catch (error) {
      if (!(error instanceof SmtpConfigError)) throw error;
      problems.push({ field: 'channel', message: error.message });
    }
  } else if (targetChanged && problems.every((p) => p.field !== 'target')) {
    try {
      await checkTarget(s.target, targetPolicy(deps.config.allowPrivateTargets), deps.resolve);
    } catch (error) {
      if (!(error instanceof TargetRefusedError)) throw error;
      problems.push({ field: 'target', message: error.message });
    }
  }
  if (problems.length > 0) throw new SubscriptionInvalid(problems);
}

function defaultName(s: Pick<SubscriptionSpec, 'brand' | 'kinds' | 'channel' | 'mode'>): string {
  return `${s.brand ?? 'all brands'}: ${s.mode === 'digest' ? 'digest' : s.kinds.join(', ')} by ${s.channel}`;
}

function specOf(row: SubscriptionRow): SubscriptionSpec {
  return {
    name: row.name,
    brand: row.brand,
    topics: row.topics,
    sources: row.sources,
    languages: row.languages,
    kinds: row.kinds as SubscriptionSpec['kinds'],
    threshold: row.threshold as SubscriptionSpec['threshold'],
    sensitivity: row.sensitivity as SubscriptionSpec['sensitivity'],
    minVolume: row.minVolume,
    cooldownMinutes: row.cooldownMinutes,
    maxPerHour: row.maxPerHour,
    channel: row.channel as SubscriptionSpec['channel'],
    target: row.target,
    mode: row.mode as SubscriptionSpec['mode'],
    schedule: row.schedule,
    tz: row.tz,
    enabled: row.enabled,
  };
}

export async function createSubscription(
  db: Db,
  input: Partial<SubscriptionSpec> & Pick<SubscriptionSpec, 'channel' | 'target'>,
  owner: { keyId: number; name: string },
  deps: SubscriptionDeps,
): Promise<{ row: SubscriptionRow; secret: string | null }> {
  const merged = { ...SUBSCRIPTION_DEFAULTS, ...stripUndefined(input) } as Omit<SubscriptionSpec, 'name'> & { name?: string };
  if (merged.threshold && !input.kinds) merged.kinds = ['threshold'];
  const spec: SubscriptionSpec = { ...merged, name: merged.name ?? defaultName(merged) };
  await validate(db, spec, deps, true);
  const secret = spec.channel === 'webhook' ? newWebhookSecret() : null;
  const row = insertSubscription(db, { ...spec, ownerKeyId: owner.keyId, ownerName: owner.name, secret }, deps.now);
  return { row, secret };
}

export async function changeSubscription(
  db: Db,
  id: number,
  patch: Partial<SubscriptionSpec> & { rotateSecret?: boolean },
  deps: SubscriptionDeps,
): Promise<{ row: SubscriptionRow; secret: string | null } | undefined> {
  const current = getSubscription(db, id);
  if (!current) return undefined;
  const revoked = ownerRevocations(db, [current]).get(current.ownerKeyId);
  if (revoked && patch.enabled === true) {
    throw new SubscriptionInvalid([
      { field: 'enabled', message: `the API key '${revoked.name}' that made this subscription was revoked; create a new subscription with a live key` },
    ]);
  }
  const { rotateSecret, ...fields } = patch;
  const spec: SubscriptionSpec = { ...specOf(current), ...stripUndefined(fields) };
  await validate(db, spec, deps, spec.target !== current.target || spec.channel !== current.channel);
  let secret: string | null = null;
  if (spec.channel === 'webhook' && (rotateSecret || !current.secret)) secret = newWebhookSecret();
  const change = { ...spec, ...(secret ? { secret } : {}), ...(spec.channel !== 'webhook' ? { secret: null } : {}) };
  const row = updateSubscription(db, id, change, deps.now);
  return row ? { row, secret } : undefined;
}

/** Soft delete: the row stays for its delivery history; pending deliveries are cancelled. */
export function deleteSubscription(db: Db, id: number, now: number): boolean {
  return db.$client.transaction(() => {
    if (!markSubscriptionDeleted(db, id, now)) return false;
    cancelPendingFor(db, id, 'the subscription was deleted', now);
    return true;
  }).immediate();
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
