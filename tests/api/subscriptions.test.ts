import { afterAll, describe, expect, it } from 'vitest';
import { world } from '../alerts/world.js';
import { makeKey } from '../helpers/api-keys.js';

const w = world();
afterAll(() => w.cleanup());
const viewer = makeKey(w.earshot.store, 'viewer', { name: 'dashboard' });
const otherAdmin = makeKey(w.earshot.store, 'admin', { name: 'second-admin' });
const hook = 'http://127.0.0.1:9/hook';

describe('/api/v1/subscriptions', () => {
  it('creates a subscription with defaults, owned by the calling key, and shows the webhook secret only once', async () => {
    const r = await w.call('/subscriptions', { method: 'POST', body: { brand: 'acme', topics: ['disruption'], channel: 'webhook', target: hook } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      owner: { keyId: 1, name: 'ops-admin' },
      brand: 'acme',
      topics: ['disruption'],
      kinds: ['volume_spike', 'negative_spike', 'emerging_topic'],
      sensitivity: 'balanced',
      minVolume: 10,
      cooldownMinutes: 60,
      mode: 'realtime',
      tz: 'UTC',
      enabled: true,
      hasSecret: true,
      name: 'acme: volume_spike, negative_spike, emerging_topic by webhook',
    });
    expect(r.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const again = await w.call(`/subscriptions/${r.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body.secret).toBeUndefined();
    expect(again.body.hasSecret).toBe(true);
  });

  it("lists the caller's own subscriptions, or everyone's with owner=all", async () => {
    await w.call('/subscriptions', { method: 'POST', key: otherAdmin, body: { channel: 'slack', target: 'http://127.0.0.1:9/services/T/B/secretpart' } });
    const mine = await w.call('/subscriptions');
    expect(mine.body.items.every((s: any) => s.owner.keyId === 1)).toBe(true);
    const theirs = await w.call('/subscriptions', { key: otherAdmin });
    expect(theirs.body.items).toHaveLength(1);
    // A Slack webhook URL is a credential: shown cut.
    expect(theirs.body.items[0].target).toBe('http://127.0.0.1:9/…part');
    const all = await w.call('/subscriptions?owner=all');
    expect(all.body.items.length).toBe(mine.body.items.length + 1);
  });

  it('names every wrong field at once, as problem+json', async () => {
    const r = await w.call('/subscriptions', {
      method: 'POST',
      body: { brand: 'nobody', topics: ['nothing'], sources: ['nowhere'], kinds: ['threshold'], mode: 'digest', channel: 'email', target: 'not-an-address' },
    });
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/problem\+json/);
    const fields = r.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['brand', 'topics', 'sources', 'threshold', 'schedule', 'target']));
    expect(r.body.detail).toContain("no brand 'nobody' in the config");

    const schema = await w.call('/subscriptions', { method: 'POST', body: { channel: 'pager', target: 'x', tz: 'Mars/Olympus', sensitivity: 'loud' } });
    expect(schema.status).toBe(400);
    expect(schema.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['channel', 'tz', 'sensitivity']));
    const cron = await w.call('/subscriptions', { method: 'POST', body: { mode: 'digest', schedule: 'every morning', channel: 'webhook', target: hook } });
    expect(cron.body.errors).toEqual([{ field: 'schedule', message: "not a cron expression ('every morning')" }]);
  });

  it('refuses targets on private, link-local and metadata addresses unless the config allows them', async () => {
    for (const target of ['http://10.0.0.8/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:192.168.0.1]/x', 'http://[fd00::1]/x']) {
      const r = await w.call('/subscriptions', { method: 'POST', body: { channel: 'webhook', target } });
      expect(r.status, target).toBe(400);
      expect(r.body.errors[0]).toMatchObject({ field: 'target', message: expect.stringMatching(/targets must be public/) });
    }
    // This world allows loopback (as tests do), and only loopback.
    expect((await w.call('/subscriptions', { method: 'POST', body: { channel: 'webhook', target: 'http://[::1]:9/x' } })).status).toBe(201);
  });

  it('changes fields, re-checks the whole subscription, rotates the secret on request', async () => {
    const created = (await w.call('/subscriptions', { method: 'POST', body: { channel: 'webhook', target: hook } })).body;
    const patch = (body: unknown) => w.call(`/subscriptions/${created.id}`, { method: 'PATCH', body });
    const changed = await patch({ cooldownMinutes: 5, sensitivity: 'strict', enabled: false });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ cooldownMinutes: 5, sensitivity: 'strict', enabled: false, secret: null });
    expect((await patch({ mode: 'digest' })).body.errors).toEqual([{ field: 'schedule', message: expect.stringContaining('needs a cron schedule') }]);
    expect((await patch({ target: 'http://10.1.1.1/x' })).status).toBe(400);
    const rotated = await patch({ rotateSecret: true });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect((await w.call('/subscriptions/9999', { method: 'PATCH', body: { enabled: true } })).status).toBe(404);
  });

  it('needs an admin key: 401 without one, 403 for a viewer', async () => {
    const none = await w.call('/subscriptions', { key: 'none' });
    expect(none.status).toBe(401);
    expect(none.type).toMatch(/problem\+json/);
    const low = await w.call('/subscriptions', { method: 'POST', key: viewer, body: { channel: 'webhook', target: hook } });
    expect(low.status).toBe(403);
    expect(low.body.detail).toContain('needs the admin role');
    expect((await w.call('/deliveries', { key: viewer })).status).toBe(403);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await w.call('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/subscriptions', '/subscriptions/{id}', '/subscriptions/{id}/test', '/deliveries', '/deliveries/{id}', '/deliveries/{id}/retry']),
    );
    expect(Object.keys(doc.body.paths['/subscriptions'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.body.paths['/subscriptions/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
    expect(doc.body.components.schemas.NewSubscription.properties.channel.enum).toEqual(['webhook', 'slack', 'email']);
  });
});
