/**
 * Webhook: the stored message as the JSON body, signed (X-Earshot-Signature over "t.body" with
 * the subscription's secret) and keyed (Idempotency-Key, also in the body) so a receiver can
 * verify it, reject replays and drop a repeat of the same key.
 */
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhook } from '../signature.js';
import type { Resolver, TargetPolicy } from '../target-guard.js';
import { post } from './http-post.js';
import type { ChannelSender } from './types.js';

export const USER_AGENT = 'Earshot-Webhook/1';

export function webhookChannel(opts: { policy: TargetPolicy; resolve?: Resolver; timeoutMs: number }): ChannelSender {
  return {
    send({ subscription, message, deliveryId, attempt, signal, nowMs }) {
      const body = JSON.stringify(message);
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        [IDEMPOTENCY_HEADER]: message.idempotencyKey,
        'X-Earshot-Delivery': String(deliveryId),
        'X-Earshot-Attempt': String(attempt),
        'X-Earshot-Event': message.type,
      };
      if (subscription.secret) headers[SIGNATURE_HEADER] = signWebhook(subscription.secret, body, nowMs);
      return post(subscription.target, body, headers, { ...opts, signal });
    },
  };
}
