import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emailChannel } from '../../src/alerts/channels/email.js';
import type { AlertMessage } from '../../src/alerts/message.js';
import type { SubscriptionRow } from '../../src/db/subscriptions.js';
import { startSmtp } from '../helpers/receiver.js';
import { tempDir } from '../helpers/temp-earshot.js';

// A self-signed certificate made for this run (openssl); the relays below speak real TLS.
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const keyFile = path.join(tmp.dir, 'key.pem');
const certFile = path.join(tmp.dir, 'cert.pem');
const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost'], { encoding: 'utf8' });
const haveOpenssl = made.status === 0;
if (!haveOpenssl) console.log(`email TLS tests skipped: openssl could not make a certificate (${made.error?.message ?? made.stderr})`);

const sub = { id: 1, name: 'tls', channel: 'email', target: 'brand@example.com' } as SubscriptionRow;
const message: AlertMessage = {
  type: 'alert',
  idempotencyKey: 'earshot-alert-1-sub-1',
  subscription: { id: 1, name: 'tls' },
  alert: {
    id: 1, kind: 'volume_spike', brand: 'acme', topic: '*', source: null, bucketStart: '2015-02-12T15:00:00.000Z', bucketEnd: '2015-02-12T16:00:00.000Z',
    observed: 65, expected: 5, score: 9.1, summary: 'acme: 65 mentions in 1 h vs 5.0 expected', link: 'https://earshot.example.com/?alert=1',
    sensitivity: 'balanced', status: 'open', topics: [], terms: [], sources: [], samples: [],
    window: { from: '2015-02-12T15:00:00.000Z', to: '2015-02-12T16:00:00.000Z', mentions: 65, negative: 61 },
    baseline: { from: '2015-02-05T15:00:00.000Z', to: '2015-02-12T15:00:00.000Z', hours: 168, mentions: 900, negative: 180 },
    detector: {},
  },
};
const send = (channel: ReturnType<typeof emailChannel>) =>
  channel.send({ subscription: sub, message, deliveryId: 1, attempt: 1, signal: new AbortController().signal, nowMs: Date.now() });

describe.skipIf(!haveOpenssl)('e-mail over TLS', () => {
  const tls = () => ({ key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') });

  it('speaks TLS from the first byte with secure: true', async () => {
    const smtp = await startSmtp({ user: 'alerts', pass: 'pw' }, { ...tls(), secure: true });
    const channel = emailChannel({ smtp: { host: '127.0.0.1', port: smtp.port, secure: true, requireTLS: false, user: 'alerts', passwordEnv: 'PW', from: 'a@example.com', rejectUnauthorized: false }, timeoutMs: 5000, env: { PW: 'pw' } });
    expect(await send(channel)).toEqual({ ok: true });
    expect(smtp.mails.map((m) => [m.secure, m.user])).toEqual([[true, 'alerts']]);
    channel.close?.();
    await smtp.close();
  });

  it('upgrades with STARTTLS when required, and refuses to send in clear when the relay cannot', async () => {
    const smtp = await startSmtp({ user: 'alerts', pass: 'pw' }, tls());
    const config = { host: '127.0.0.1', port: smtp.port, secure: false, requireTLS: true, user: 'alerts', passwordEnv: 'PW', from: 'a@example.com', rejectUnauthorized: false };
    const channel = emailChannel({ smtp: config, timeoutMs: 5000, env: { PW: 'pw' } });
    expect(await send(channel)).toEqual({ ok: true });
    expect(smtp.mails.map((m) => m.secure)).toEqual([true]);
    channel.close?.();

    const plain = await startSmtp({ user: 'alerts', pass: 'pw' });
    const strict = emailChannel({ smtp: { ...config, port: plain.port }, timeoutMs: 5000, env: { PW: 'pw' } });
    const refused = await send(strict);
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/STARTTLS/i);
    expect(plain.mails).toHaveLength(0);
    // A self-signed certificate is refused unless rejectUnauthorized is turned off.
    const checking = emailChannel({ smtp: { ...config, rejectUnauthorized: true }, timeoutMs: 5000, env: { PW: 'pw' } });
    const untrusted = await send(checking);
    expect(untrusted.ok).toBe(false);
    expect(untrusted.error).toMatch(/self[- ]signed|certificate/i);
    strict.close?.();
    checking.close?.();
    await Promise.all([smtp.close(), plain.close()]);
  });
});
