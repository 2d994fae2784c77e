import { afterAll, describe, expect, it } from 'vitest';
import { startDelivery } from '../../src/alerts/delivery-service.js';
import { revokeKey } from '../../src/db/api-keys.js';
import { makeKey } from '../helpers/api-keys.js';
import { world } from '../alerts/world.js';

const w = world();
afterAll(() => w.cleanup());
const hook = 'http://127.0.0.1:9/hook';
const deliveriesTo = (id: number) => w.earshot.store.sqlite.prepare('SELECT count(*) FROM deliveries WHERE subscription_id = ?').pluck().get(id) as number;

describe('a subscription whose API key is revoked', () => {
  it('is disabled with the revocation, says why in GET /subscriptions, gets no more alerts and cannot be enabled again', async () => {
    const jane = makeKey(w.earshot.store, 'admin', { name: 'jane' });
    const janeKeyId = (await w.call('/me', { key: jane })).body.keyId as number;
    const hers = await w.call('/subscriptions', { method: 'POST', key: jane, body: { brand: 'acme', channel: 'webhook', target: hook } });
    const mine = await w.subscribe({ brand: 'acme', channel: 'webhook', target: hook });
    expect(hers.status).toBe(201);

    const revoked = await w.call(`/keys/${janeKeyId}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ name: 'jane', subscriptionsDisabled: 1 });

    const listed = (await w.call('/subscriptions?owner=all')).body.items as { id: number; enabled: boolean; disabledReason: string | null }[];
    const herRow = listed.find((s) => s.id === hers.body.id)!;
    expect(herRow.enabled).toBe(false);
    expect(herRow.disabledReason).toMatch(/^the API key 'jane' \(id \d+\) that made it was revoked at 20\d\d-/);
    expect(listed.find((s) => s.id === mine.id)).toMatchObject({ enabled: true, disabledReason: null });
    expect((await w.call(`/subscriptions/${hers.body.id}`)).body.disabledReason).toBe(herRow.disabledReason);

    // The storm's alerts reach the live key's subscription only.
    w.detectAndRoute();
    expect(deliveriesTo(mine.id)).toBeGreaterThan(0);
    expect(deliveriesTo(hers.body.id)).toBe(0);

    const enable = await w.call(`/subscriptions/${hers.body.id}`, { method: 'PATCH', body: { enabled: true } });
    expect(enable.status).toBe(400);
    expect(enable.body.errors).toEqual([{ field: 'enabled', message: expect.stringContaining("the API key 'jane' that made this subscription was revoked") }]);
    // Other changes are still allowed; it stays disabled with its reason.
    const renamed = await w.call(`/subscriptions/${hers.body.id}`, { method: 'PATCH', body: { name: 'kept for the record' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'kept for the record', enabled: false, disabledReason: herRow.disabledReason });
  });

  it('a manually disabled subscription of a live key shows no reason and can be enabled again', async () => {
    const s = await w.subscribe({ brand: 'acme', channel: 'webhook', target: hook });
    const off = await w.call(`/subscriptions/${s.id}`, { method: 'PATCH', body: { enabled: false } });
    expect(off.body).toMatchObject({ enabled: false, disabledReason: null });
    expect((await w.call(`/subscriptions/${s.id}`, { method: 'PATCH', body: { enabled: true } })).body.enabled).toBe(true);
  });

  it('is disabled when the delivery service starts, for a key revoked by something that did not disable it', async () => {
    const old = makeKey(w.earshot.store, 'admin', { name: 'old-admin' });
    const s = await w.call('/subscriptions', { method: 'POST', key: old, body: { brand: 'acme', channel: 'webhook', target: hook } });
    const oldId = (await w.call('/me', { key: old })).body.keyId as number;
    // A revocation written straight to the table (as a build without this rule did).
    w.earshot.store.sqlite.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').run(w.clock.now, oldId);
    expect((await w.call(`/subscriptions/${s.body.id}`)).body.enabled).toBe(true);
    const logs: string[] = [];
    const service = startDelivery({ store: w.earshot.store, config: w.config, now: () => w.clock.now, log: (m) => logs.push(m) });
    await service.stop(0);
    expect(logs).toContain('delivery: disabled 1 subscription(s) whose API key was revoked');
    expect((await w.call(`/subscriptions/${s.body.id}`)).body).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("'old-admin'") });
    expect(revokeKey(w.db, oldId, w.clock.now)).toBeUndefined(); // already revoked: nothing to do
  });
});
