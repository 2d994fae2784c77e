import type { DeliveryConfig } from '../../config/delivery.js';
import { targetPolicy, type Resolver } from '../target-guard.js';
import { emailChannel } from './email.js';
import { slackChannel } from './slack.js';
import type { ChannelSender } from './types.js';
import { webhookChannel } from './webhook.js';

export type Channels = Record<'webhook' | 'slack' | 'email', ChannelSender>;

/** The three channels, configured from the delivery section. */
export function createChannels(config: DeliveryConfig, opts: { resolve?: Resolver; env?: NodeJS.ProcessEnv } = {}): Channels {
  const policy = targetPolicy(config.allowPrivateTargets);
  const http = { policy, resolve: opts.resolve, timeoutMs: config.timeoutMs };
  return {
    webhook: webhookChannel(http),
    slack: slackChannel(http),
    email: emailChannel({ smtp: config.smtp, timeoutMs: config.timeoutMs, env: opts.env }),
  };
}
