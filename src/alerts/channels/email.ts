/**
 * E-mail over SMTP with nodemailer: an HTML part and a text part rendered from the stored
 * message. The Message-ID is derived from the idempotency key, so a repeat of the same key is the
 * same message to a mail system that de-duplicates, and the key is also an X- header.
 */
import nodemailer from 'nodemailer';
import { smtpSettings, SmtpConfigError, type SmtpConfig } from '../../config/delivery.js';
import { IDEMPOTENCY_HEADER } from '../signature.js';
import { emailAddresses } from '../subscription-schema.js';
import { fmt, KIND_LABELS, pct, title, type AlertBrief, type Message } from '../message.js';
import type { ChannelSender } from './types.js';

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const safeUrl = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : null);

function briefText(a: AlertBrief): string {
  return `- ${KIND_LABELS[a.kind] ?? a.kind}: ${a.summary}\n  ${a.link}`;
}
function briefHtml(a: AlertBrief): string {
  return `<li><a href="${html(a.link)}">${html(KIND_LABELS[a.kind] ?? a.kind)}</a>: ${html(a.summary)}</li>`;
}

/** Subject, text and HTML of a message. Every piece of mention text is escaped in the HTML. */
export function renderEmail(m: Message): { subject: string; text: string; html: string } {
  const subject = `[Earshot] ${title(m)}`;
  const text: string[] = [];
  const body: string[] = [];
  if (m.type === 'alert') {
    const a = m.alert;
    text.push(a.summary, '', `Observed: ${fmt(a.observed)}   Expected: ${fmt(a.expected)}   Score: ${fmt(a.score, 2)}`, `Window: ${a.window?.from ?? a.bucketStart} to ${a.window?.to ?? a.bucketEnd}`);
    body.push(`<p>${html(a.summary)}</p>`, `<table><tr><th align="left">Observed</th><td>${fmt(a.observed)}</td><th align="left">Expected</th><td>${fmt(a.expected)}</td><th align="left">Score</th><td>${fmt(a.score, 2)}</td></tr></table>`);
    if (a.topics.length) {
      text.push(`Top topics: ${a.topics.slice(0, 5).map((t) => `${t.id} (${fmt(t.observed)} vs ${fmt(t.expected)})`).join(', ')}`);
      body.push(`<p><b>Top topics:</b> ${a.topics.slice(0, 5).map((t) => html(`${t.id} (${fmt(t.observed)} vs ${fmt(t.expected)})`)).join(', ')}</p>`);
    }
    if (a.terms.length) {
      text.push(`Top terms: ${a.terms.slice(0, 8).map((t) => t.term).join(', ')}`);
      body.push(`<p><b>Top terms:</b> ${html(a.terms.slice(0, 8).map((t) => t.term).join(', '))}</p>`);
    }
    if (a.samples.length) {
      text.push('', 'Sample mentions:');
      body.push('<p><b>Sample mentions</b></p><ul>');
      for (const s of a.samples.slice(0, 5)) {
        text.push(`> ${s.text.replace(/\s+/g, ' ')}${s.url ? ` (${s.url})` : ''}`);
        const url = safeUrl(s.url);
        body.push(`<li><blockquote>${html(s.text)}</blockquote>${url ? ` <a href="${html(url)}">source</a>` : ''} <small>${html(s.sentiment ?? 'unscored')}, ${html(s.publishedAt)}</small></li>`);
      }
      body.push('</ul>');
    }
    text.push('', `Open in Earshot: ${a.link}`);
    body.push(`<p><a href="${html(a.link)}">Open in Earshot</a></p>`);
  } else if (m.type === 'test') {
    text.push(m.text, '', `Open in Earshot: ${m.link}`);
    body.push(`<p>${html(m.text)}</p><p><a href="${html(m.link)}">Open in Earshot</a></p>`);
  } else if (m.type === 'summary') {
    text.push(`The subscription reached its hourly limit; ${m.count} alerts from ${m.period.from} to ${m.period.to}:`, '', ...m.alerts.map(briefText));
    body.push(`<p>The subscription reached its hourly limit; ${m.count} alerts from ${html(m.period.from)} to ${html(m.period.to)}:</p><ul>${m.alerts.map(briefHtml).join('')}</ul>`);
  } else {
    text.push(`${m.period.from} to ${m.period.to} (${m.period.tz})`);
    body.push(`<p>${html(m.period.from)} to ${html(m.period.to)} (${html(m.period.tz)})</p>`);
    for (const s of m.sections) {
      const name = [s.brand === '*' ? 'All brands' : s.brand, s.topic].filter(Boolean).join(' / ');
      const line = `Mentions ${s.volume} (previous ${s.previousVolume}), negative ${pct(s.negativeShare)} (previous ${pct(s.previousNegativeShare)}), net sentiment ${fmt(s.netSentiment, 2)}, rating ${fmt(s.averageRating, 2)}`;
      const top = s.topTopics.map((t) => `${t.name} ${t.volume}`).join(', ') || 'none';
      const rising = s.risingTopics.map((t) => `${t.name} ${t.previousVolume}→${t.volume}`).join(', ') || 'none';
      text.push('', name, line, `Top topics: ${top}`, `Rising: ${rising}`, ...(s.topicsNote ? [s.topicsNote] : []));
      body.push(`<h3>${html(name)}</h3><p>${html(line)}</p><p><b>Top topics:</b> ${html(top)}<br><b>Rising:</b> ${html(rising)}</p>`);
    }
    text.push('', `Alerts in the period (${m.alerts.length}):`, ...(m.alerts.length ? m.alerts.map(briefText) : ['none']));
    body.push(`<h3>Alerts in the period (${m.alerts.length})</h3>`, m.alerts.length ? `<ul>${m.alerts.map(briefHtml).join('')}</ul>` : '<p>none</p>');
    text.push('', `Open in Earshot: ${m.link}`);
    body.push(`<p><a href="${html(m.link)}">Open in Earshot</a></p>`);
  }
  text.push('', `Subscription "${m.subscription.name}" · ref ${m.idempotencyKey}`);
  body.push(`<p><small>Subscription "${html(m.subscription.name)}" · ref ${html(m.idempotencyKey)}</small></p>`);
  return { subject, text: text.join('\n'), html: `<!doctype html><html><body>${body.join('\n')}</body></html>` };
}

export function emailChannel(opts: { smtp?: SmtpConfig; timeoutMs: number; env?: NodeJS.ProcessEnv }): ChannelSender {
  let transport: ReturnType<typeof nodemailer.createTransport> | undefined;
  let from = '';
  const transporter = () => {
    if (!transport) {
      const s = smtpSettings(opts.smtp, opts.env);
      from = s.from;
      transport = nodemailer.createTransport({
        host: s.host,
        port: s.port,
        secure: s.secure,
        requireTLS: s.requireTLS,
        auth: s.auth,
        tls: { rejectUnauthorized: s.rejectUnauthorized },
        connectionTimeout: opts.timeoutMs,
        greetingTimeout: opts.timeoutMs,
        socketTimeout: opts.timeoutMs,
      });
    }
    return transport;
  };
  return {
    async send({ subscription, message }) {
      let t;
      try {
        t = transporter();
      } catch (error) {
        if (error instanceof SmtpConfigError) return { ok: false, permanent: true, error: error.message };
        throw error;
      }
      const { subject, text, html: htmlBody } = renderEmail(message);
      const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'earshot.local';
      try {
        await t.sendMail({
          from,
          to: emailAddresses(subscription.target),
          subject,
          text,
          html: htmlBody,
          messageId: `<${message.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@${domain}>`,
          headers: { [`X-Earshot-${IDEMPOTENCY_HEADER}`]: message.idempotencyKey },
        });
        return { ok: true };
      } catch (error) {
        const e = error as Error & { responseCode?: number; code?: string };
        // A 5xx reply is the server's final no (bad address, refused); 4xx and network trouble pass.
        const permanent = e.responseCode !== undefined && e.responseCode >= 500;
        return { ok: false, permanent, error: `SMTP${e.responseCode ? ` ${e.responseCode}` : e.code ? ` ${e.code}` : ''}: ${e.message}` };
      }
    },
    close() {
      transport?.close();
    },
  };
}
