import type { SubscriptionRow } from '../../db/subscriptions.js';
import type { Message } from '../message.js';

export interface SendResult {
  ok: boolean;
  httpStatus?: number;
  error?: string;
  /** Retrying cannot help (4xx other than 408/429, a refused target, an SMTP 5xx). */
  permanent?: boolean;
  /** The receiver asked for this wait (Retry-After). */
  retryAfterMs?: number;
  /** The target was refused by the SSRF guard. */
  refused?: boolean;
}

export interface SendInput {
  subscription: SubscriptionRow;
  message: Message;
  deliveryId: number;
  attempt: number;
  signal: AbortSignal;
  nowMs: number;
}

export interface ChannelSender {
  send(input: SendInput): Promise<SendResult>;
  close?(): void;
}
