/**
 * Slack incoming webhook: a Block Kit message saying what fired, observed vs expected, the top
 * topics and terms, sample mentions and a button to the dashboard. Slack has no idempotency
 * header of its own; the key goes in a header and in the message's last context line.
 */
import { IDEMPOTENCY_HEADER } from '../signature.js';
import type { Resolver, TargetPolicy } from '../target-guard.js';
import { fmt, KIND_LABELS, pct, title, type AlertBrief, type DigestMessage, type Message, type SummaryMessage, type AlertMessage } from '../message.js';
import { post } from './http-post.js';
import type { ChannelSender } from './types.js';

type Block = Record<string, unknown>;

/** Slack's mrkdwn needs &, < and > escaped; user text is cut to keep blocks under Slack's limits. */
export function esc(text: string, max = 2800): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return cut.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text: text.slice(0, 150), emoji: true } });
const button = (url: string, text = 'Open in Earshot'): Block => ({
  type: 'actions',
  elements: [{ type: 'button', text: { type: 'plain_text', text }, url }],
});

function alertBlocks(m: AlertMessage): Block[] {
  const a = m.alert;
  const blocks: Block[] = [
    header(title(m)),
    section(esc(a.summary)),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Observed*\n${fmt(a.observed)}` },
        { type: 'mrkdwn', text: `*Expected*\n${fmt(a.expected)}` },
        { type: 'mrkdwn', text: `*Window*\n${a.window?.from ?? a.bucketStart} → ${a.window?.to ?? a.bucketEnd}` },
        { type: 'mrkdwn', text: `*Kind · sensitivity*\n${KIND_LABELS[a.kind] ?? a.kind} · ${a.sensitivity}` },
      ],
    },
  ];
  const topics = a.topics.slice(0, 5).map((t) => `${esc(t.id)} (${fmt(t.observed)} vs ${fmt(t.expected)})`);
  const terms = a.terms.slice(0, 8).map((t) => `${esc(t.term)} (${fmt(t.observed)})`);
  if (topics.length || terms.length) {
    blocks.push(section([topics.length ? `*Top topics:* ${topics.join(', ')}` : '', terms.length ? `*Top terms:* ${terms.join(', ')}` : ''].filter(Boolean).join('\n')));
  }
  if (a.sources.length) blocks.push(section(`*Sources that grew:* ${a.sources.slice(0, 5).map((s) => `${esc(s.name)} (${fmt(s.observed)})`).join(', ')}`));
  for (const s of a.samples.slice(0, 3)) {
    const link = s.url && /^https?:\/\//.test(s.url) ? ` <${s.url}|link>` : '';
    blocks.push(section(`> ${esc(s.text.replace(/\s+/g, ' '), 400)}${link}\n_${s.sentiment ?? 'unscored'} · ${s.publishedAt}_`));
  }
  blocks.push(button(a.link));
  blocks.push(context(`Subscription "${esc(m.subscription.name)}" · alert ${a.id} · ref ${esc(m.idempotencyKey)}`));
  return blocks;
}

function briefLine(a: AlertBrief): string {
  return `• <${a.link}|${esc(KIND_LABELS[a.kind] ?? a.kind)}> ${esc(a.summary, 300)}`;
}

function listBlocks(alerts: AlertBrief[], max = 15): Block[] {
  if (alerts.length === 0) return [section('_No alerts in this period._')];
  const lines = alerts.slice(0, max).map(briefLine);
  if (alerts.length > max) lines.push(`…and ${alerts.length - max} more`);
  return [section(lines.join('\n').slice(0, 2900))];
}

function summaryBlocks(m: SummaryMessage): Block[] {
  return [
    header(title(m)),
    section(`The subscription reached its hourly limit; these ${m.count} alerts from ${m.period.from} to ${m.period.to} come together:`),
    ...listBlocks(m.alerts),
    button(m.link),
    context(`ref ${esc(m.idempotencyKey)}`),
  ];
}

function digestBlocks(m: DigestMessage): Block[] {
  const blocks: Block[] = [header(title(m)), context(`${m.period.from} → ${m.period.to} (${esc(m.period.tz)})`)];
  for (const s of m.sections) {
    const name = [s.brand === '*' ? 'All brands' : s.brand, s.topic].filter(Boolean).join(' / ');
    blocks.push(section(`*${esc(name)}*`));
    blocks.push({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Mentions*\n${s.volume} (previous ${s.previousVolume}${s.volumeChangePercent === null ? '' : `, ${s.volumeChangePercent > 0 ? '+' : ''}${fmt(s.volumeChangePercent)}%`})` },
        { type: 'mrkdwn', text: `*Negative share*\n${pct(s.negativeShare)} (previous ${pct(s.previousNegativeShare)})` },
        { type: 'mrkdwn', text: `*Net sentiment*\n${fmt(s.netSentiment, 2)}` },
        { type: 'mrkdwn', text: `*Average rating*\n${fmt(s.averageRating, 2)}` },
      ],
    });
    const top = s.topTopics.map((t) => `${esc(t.name)} ${t.volume}`).join(', ');
    const rising = s.risingTopics.map((t) => `${esc(t.name)} ${t.previousVolume}→${t.volume}`).join(', ');
    blocks.push(section([`*Top topics:* ${top || 'none'}`, `*Rising:* ${rising || 'none'}`, s.topicsNote ? `_${esc(s.topicsNote)}_` : ''].filter(Boolean).join('\n')));
  }
  blocks.push(section(`*Alerts in the period (${m.alerts.length})*`));
  blocks.push(...listBlocks(m.alerts));
  blocks.push(button(m.link), context(`ref ${esc(m.idempotencyKey)}`));
  return blocks.slice(0, 50);
}

/** The Slack payload of a message: blocks plus the plain text Slack shows in notifications. */
export function slackPayload(m: Message): { text: string; blocks: Block[] } {
  const blocks =
    m.type === 'alert'
      ? alertBlocks(m)
      : m.type === 'summary'
        ? summaryBlocks(m)
        : m.type === 'test'
          ? [header(title(m)), section(esc(m.text)), button(m.link), context(`ref ${esc(m.idempotencyKey)}`)]
          : digestBlocks(m);
  return { text: title(m), blocks };
}

export function slackChannel(opts: { policy: TargetPolicy; resolve?: Resolver; timeoutMs: number }): ChannelSender {
  return {
    send({ subscription, message, signal }) {
      const headers = { 'user-agent': 'Earshot-Slack/1', [IDEMPOTENCY_HEADER]: message.idempotencyKey };
      return post(subscription.target, JSON.stringify(slackPayload(message)), headers, { ...opts, signal });
    },
  };
}
