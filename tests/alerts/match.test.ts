import { afterAll, describe, expect, it } from 'vitest';
import { world } from './world.js';

const w = world();
afterAll(() => w.cleanup());
const target = 'http://127.0.0.1:9/hook';

describe('which alerts reach which subscription', () => {
  it('filters by brand, topic (with subtopics), kind, sensitivity, language, source and minimum volume', async () => {
    const subs = {
      all: await w.subscribe({ cooldownMinutes: 0, maxPerHour: 100, channel: 'webhook', target }),
      acmeNegative: await w.subscribe({ brand: 'acme', kinds: ['negative_spike'], channel: 'webhook', target }),
      price: await w.subscribe({ brand: 'acme', topics: ['price'], channel: 'webhook', target }),
      disruption: await w.subscribe({ brand: 'acme', topics: ['disruption'], kinds: ['volume_spike'], cooldownMinutes: 0, channel: 'webhook', target }),
      strict: await w.subscribe({ brand: 'acme', sensitivity: 'strict', channel: 'webhook', target }),
      english: await w.subscribe({ brand: 'acme', languages: ['en'], kinds: ['negative_spike'], channel: 'webhook', target }),
      german: await w.subscribe({ brand: 'acme', languages: ['de', 'nl'], channel: 'webhook', target }),
      tweets: await w.subscribe({ brand: 'acme', sources: ['tweets'], kinds: ['negative_spike'], channel: 'webhook', target }),
      big: await w.subscribe({ brand: 'acme', kinds: ['negative_spike'], minVolume: 1000, channel: 'webhook', target }),
    };
    const { alerts } = w.detectAndRoute();
    const got = async (id: number) => {
      const items = (await w.call(`/deliveries?subscription=${id}`)).body.items as { alertId: number }[];
      return items.map((d) => alerts.find((a) => a.id === d.alertId)!).map((a) => `${a.kind} ${a.brand}/${a.topic}`).sort();
    };
    expect(await got(subs.all.id)).toHaveLength(alerts.length);
    // The storm's tweets are all negative: the brand's and both topics' negatives jumped.
    const negatives = ['negative_spike acme/*', 'negative_spike acme/cancellations', 'negative_spike acme/disruption'];
    expect(await got(subs.acmeNegative.id)).toEqual(negatives);
    expect(await got(subs.price.id)).toEqual([]);
    expect(await got(subs.disruption.id)).toEqual(['volume_spike acme/cancellations', 'volume_spike acme/disruption']);
    // Detection ran at balanced only: a strict subscription waits for a strict pass.
    expect(await got(subs.strict.id)).toEqual([]);
    expect(await got(subs.english.id)).toEqual(negatives);
    expect(await got(subs.german.id)).toEqual([]);
    expect(await got(subs.tweets.id)).toEqual(negatives);
    expect(await got(subs.big.id)).toEqual([]);
  });
});
