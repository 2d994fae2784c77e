import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/alerts/signature.js';
import { startReceiver, startSmtp } from '../helpers/receiver.js';
import { world } from './world.js';

// Real parts: a local HTTP server stands for the webhook and the Slack incoming webhook, a local
// smtp-server for the mail relay; what they received is what is asserted.
let hook: Awaited<ReturnType<typeof startReceiver>>;
let slack: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let w: ReturnType<typeof world>;
const subs: Record<string, { id: number; secret: string | null }> = {};

beforeAll(async () => {
  hook = await startReceiver();
  slack = await startReceiver();
  smtp = await startSmtp({ user: 'alerts', pass: 's3cret' });
  w = world(
    { smtp: { host: '127.0.0.1', port: smtp.port, user: 'alerts', passwordEnv: 'TEST_SMTP_PASSWORD', from: 'Earshot <alerts@example.com>' } },
    { TEST_SMTP_PASSWORD: 's3cret' },
  );
  subs.webhook = await w.subscribe({ name: 'ops hook', brand: 'acme', kinds: ['volume_spike', 'negative_spike'], cooldownMinutes: 0, channel: 'webhook', target: `${hook.url}/earshot` });
  subs.slack = await w.subscribe({ brand: 'acme', topics: ['disruption'], channel: 'slack', target: `${slack.url}/services/T1/B2/abcd1234` });
  subs.email = await w.subscribe({ brand: 'acme', kinds: ['negative_spike'], channel: 'email', target: 'brand@example.com, lead@example.com' });
  w.detectAndRoute();
  await w.outbox.drain();
}, 60_000);

afterAll(async () => {
  await w.cleanup();
  await Promise.all([hook.close(), slack.close(), smtp.close()]);
});

describe('webhook channel', () => {
  it('posts each matching alert once, signed over timestamp and body, with its idempotency key as header and in the body', () => {
    // Acme's storm: a volume and a negative spike on acme, acme / cancellations and acme / disruption
    // (the topics' negatives jumped in number: the storm's tweets are all negative).
    expect(hook.received).toHaveLength(6);
    const keys = new Set<string>();
    for (const r of hook.received) {
      const verdict = verifyWebhookSignature({ body: r.body, header: r.headers['x-earshot-signature'] as string, secret: subs.webhook!.secret!, nowMs: w.clock.now });
      expect(verdict).toMatchObject({ ok: true });
      const body = JSON.parse(r.body);
      expect(r.headers['idempotency-key']).toBe(body.idempotencyKey);
      expect(r.headers['content-type']).toBe('application/json');
      keys.add(body.idempotencyKey);
      expect(body).toMatchObject({ type: 'alert', subscription: { id: subs.webhook!.id, name: 'ops hook' } });
      expect(body.alert.brand).toBe('acme');
      expect(['volume_spike', 'negative_spike']).toContain(body.alert.kind);
      expect(body.alert.observed).toBeGreaterThan(body.alert.expected);
      expect(body.alert.samples.length).toBeGreaterThan(0);
      expect(body.alert.link).toMatch(/^https:\/\/earshot\.example\.com\/dash\?brand=acme.*alert=\d+/);
    }
    expect(keys.size).toBe(6);
    const negative = hook.received.map((r) => JSON.parse(r.body)).find((b) => b.alert.kind === 'negative_spike' && b.alert.topic === '*');
    expect(negative.alert.samples[0].text).toContain('cancelled my flight');
    expect(negative.alert.terms.map((t: { term: string }) => t.term)).toContain('cancelled');
  });

  it('a signature fails for a body changed on the way', () => {
    const r = hook.received[0]!;
    const verdict = verifyWebhookSignature({ body: r.body.replace('acme', 'acmf'), header: r.headers['x-earshot-signature'] as string, secret: subs.webhook!.secret!, nowMs: w.clock.now });
    expect(verdict.ok).toBe(false);
  });

  it('never sends a key twice: routing and draining again send nothing', async () => {
    const before = hook.received.length + slack.received.length + smtp.mails.length;
    expect(w.route()).toEqual({ queued: 0, suppressed: 0, summarized: 0 });
    expect(await w.outbox.drain()).toBe(0);
    expect(hook.received.length + slack.received.length + smtp.mails.length).toBe(before);
  });

  it('shows each delivery and its attempt in GET /deliveries', async () => {
    const r = await w.call(`/deliveries?subscription=${subs.webhook!.id}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(6);
    for (const d of r.body.items) {
      expect(d).toMatchObject({ status: 'delivered', kind: 'alert', lastError: null, attempts: [{ attempt: 1, outcome: 'ok', httpStatus: 200, error: null }] });
      expect(d.idempotencyKey).toBe(`earshot-alert-${d.alertId}-sub-${subs.webhook!.id}`);
    }
  });
});

describe('Slack channel', () => {
  it('posts Block Kit: what fired, observed vs expected, topics and terms, samples, a dashboard button', () => {
    // Topic "disruption" takes its subtopic "cancellations": two volume and two negative spikes (the
    // emerging cancellations topic of that hour is folded into its volume spike).
    expect(slack.received).toHaveLength(4);
    expect(slack.received.every((r) => r.path === '/services/T1/B2/abcd1234')).toBe(true);
    const payloads = slack.received.map((r) => JSON.parse(r.body));
    const volume = payloads.find((p) => p.text.startsWith('Volume spike: acme / cancellations'));
    expect(volume.text).toMatch(/— 60 vs 0 expected$/);
    const blocks = volume.blocks as { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { url?: string; text: unknown }[] }[];
    expect(blocks[0]).toMatchObject({ type: 'header' });
    const fields = blocks.find((b) => b.fields)!.fields!.map((f) => f.text);
    expect(fields).toEqual(expect.arrayContaining(['*Observed*\n60', '*Expected*\n0']));
    const texts = blocks.filter((b) => b.type === 'section' && b.text).map((b) => b.text!.text);
    expect(texts.some((t) => t.includes('*Top terms:*') && t.includes('cancelled'))).toBe(true);
    const sample = texts.find((t) => t.startsWith('> '))!;
    expect(sample).toContain('cancelled my flight');
    // Slack's mrkdwn would read "<" and ">" in user text as links: they are escaped.
    expect(sample).not.toMatch(/<https:\/\/t\.co/);
    const button = blocks.find((b) => b.type === 'actions')!.elements![0]!;
    expect(button.url).toMatch(/^https:\/\/earshot\.example\.com\/dash\?brand=acme&topic=cancellations/);
    expect(JSON.stringify(blocks.at(-1))).toContain('ref earshot-alert-');
    expect(payloads.map((p) => p.text.split(':')[0]).sort()).toEqual(['Negative spike', 'Negative spike', 'Volume spike', 'Volume spike']);
  });
});

/** RFC 2047 Q-encoded words, as nodemailer writes a subject with non-ASCII text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_m, q: string) => {
      const bytes = q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    });
}

describe('e-mail channel', () => {
  it('sends one message an alert over authenticated SMTP with text and HTML parts, keyed Message-ID', () => {
    // Acme's negative spikes: on the brand, and on its cancellations and disruption topics.
    expect(smtp.mails).toHaveLength(3);
    const subjectOf = (raw: string) => decodeWords(/^Subject: (.*)$/m.exec(raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' '))![1]!);
    const mail = smtp.mails.find((m) => subjectOf(m.raw).startsWith('[Earshot] Negative spike: acme —'))!;
    expect(mail).toBeDefined();
    expect(mail.user).toBe('alerts');
    expect(mail.from).toBe('alerts@example.com');
    expect(mail.to).toEqual(['brand@example.com', 'lead@example.com']);
    const [head, ...rest] = mail.raw.split(/\r?\n\r?\n/);
    const raw = `${head!.replace(/\r?\n[ \t]+/g, ' ')}\n\n${rest.join('\n\n').replace(/=\r?\n/g, '')}`;
    // The number of negatives jumped (61 against about 1 an hour), not only their share.
    expect(decodeWords(/^Subject: (.*)$/m.exec(raw)![1]!)).toMatch(/^\[Earshot\] Negative spike: acme — 61 vs 1(\.0)? expected$/);
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    expect(raw).toMatch(/^Message-ID: <earshot-alert-\d+-sub-\d+@example\.com>/m);
    expect(raw).toMatch(/^X-Earshot-Idempotency-Key: earshot-alert-\d+-sub-\d+/m);
    expect(raw).toContain('cancelled my flight');
    expect(raw).toContain('Open in Earshot');
  });

  it('refuses an e-mail subscription when no SMTP server is configured, naming the setting', async () => {
    const bare = world();
    const r = await bare.call('/subscriptions', { method: 'POST', body: { channel: 'email', target: 'a@example.com' } });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ field: 'channel', message: expect.stringContaining('delivery.smtp.host') }]);
    await bare.cleanup();
  });
});

describe('a test message', () => {
  it('goes through the outbox to the subscription’s own channel, signed like the rest', async () => {
    const slackBefore = slack.received.length;
    const hookBefore = hook.received.length;
    const s = await w.call(`/subscriptions/${subs.slack!.id}/test`, { method: 'POST' });
    const h = await w.call(`/subscriptions/${subs.webhook!.id}/test`, { method: 'POST' });
    expect(s.status).toBe(202);
    expect(s.body.idempotencyKey).toMatch(new RegExp(`^earshot-test-${subs.slack!.id}-\\d+$`));
    expect((await w.call('/subscriptions/9999/test', { method: 'POST' })).status).toBe(404);
    expect(await w.outbox.drain()).toBe(2);
    const payload = JSON.parse(slack.received[slackBefore]!.body);
    expect(payload.text).toMatch(/^Test message for /);
    expect(JSON.stringify(payload.blocks)).toContain('Earshot can reach this slack target');
    const r = hook.received[hookBefore]!;
    expect(JSON.parse(r.body)).toMatchObject({ type: 'test', idempotencyKey: h.body.idempotencyKey });
    expect(verifyWebhookSignature({ body: r.body, header: r.headers['x-earshot-signature'] as string, secret: subs.webhook!.secret!, nowMs: w.clock.now }).ok).toBe(true);
    const d = await w.call(`/deliveries/${s.body.deliveryId}`);
    expect(d.body).toMatchObject({ kind: 'test', status: 'delivered' });
  });
});
