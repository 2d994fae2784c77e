import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/nlp/pipeline.js';
import { compileTaxonomy } from '../../src/nlp/taxonomy.js';
import { configFrom } from '../helpers/temp-earshot.js';

const config = configFrom(`
brands:
  - id: acme
    name: Acme
    include: [Acme, Acme Corp]
    handles: ["@AcmeHelp"]
    exclude: [Acme Street]
    products:
      - { id: rocket-x, name: Rocket X, include: [Rocket X, RocketX] }
  - { id: united, name: United, handles: ["@united"], include: [United Airlines] }
topics:
  - id: disruption
    name: Delays
    terms: [delay, cancel, =late]
  - id: lost-bags
    name: Lost bags
    rule: (bag OR luggage OR suitcase) NEAR/3 (lose OR missing OR "never arrived") NOT "found it"
  - id: delivery
    name: Delivery
    terms: [delivery, parcel]
    lang:
      de: [Lieferung, Paket*, "*zustellung", zu spät]
      fr: { terms: [livraison, colis], exclude: [livraison gratuite] }
      es: [envío, paquete]
  - id: refunds
    name: Refunds
    match: exact
    terms: [refund]
`);
const taxonomy = compileTaxonomy(config.topics, config.brands);
const topics = (text: string, langHint?: string) => analyze(text, taxonomy, { langHint }).topics.map((t) => t.id).sort();

describe('taxonomy matching', () => {
  it('matches the inflections of base-form English words (wink lemmas)', () => {
    expect(topics('My flight got cancelled, then delayed again')).toEqual(['disruption']);
    expect(analyze('They keep cancelling and delaying flights', taxonomy).topics[0]?.terms.sort()).toEqual(['cancel', 'delay']);
    // `=late` is exact: "latest" is not "late"; match: exact turns inflections off for a topic.
    expect(topics('The latest update is out')).toEqual([]);
    expect(topics('Running late today')).toEqual(['disruption']);
    expect(topics('They refunded me')).toEqual([]);
    expect(topics('Still waiting for my refund')).toEqual(['refunds']);
  });

  it('evaluates boolean rules with NEAR/n over words, and NOT', () => {
    expect(topics('They managed to lose my bag in Denver')).toEqual(['lost-bags']);
    expect(topics('My suitcase, sadly, never arrived')).toEqual(['lost-bags']);
    expect(topics('I lost my temper when the crew asked me to move my bag')).toEqual([]);
    expect(topics('Luggage went missing but they found it next day')).toEqual([]);
    const found = analyze('Luggage missing in Paris. Great food though.', taxonomy).topics[0]!;
    expect(found.terms.sort()).toEqual(['luggage', 'missing']);
    expect(found.sentiment?.label).not.toBe('positive');
  });

  it('uses per-language terms only for mentions in that language, with wildcards and accent folding', () => {
    expect(topics('Die Lieferung kam drei Tage zu spät, das Paket war beschädigt.')).toEqual(['delivery']);
    expect(analyze('Die Paketzustellung ist eine Katastrophe, wirklich schlimm.', taxonomy).topics[0]?.terms).toEqual(['Paket*']); // one term per matched word: the first configured
    expect(analyze('Die Expresszustellung ist eine Katastrophe, wirklich schlimm.', taxonomy).topics[0]?.terms).toEqual(['*zustellung']);
    expect(topics('Le colis est arrivé cassé et le service client ne répond pas.')).toEqual(['delivery']);
    expect(topics('Profitez de la livraison gratuite sur tout le site ce week-end !')).toEqual([]);
    expect(topics('El envio llegó tarde y el paquete estaba roto.')).toEqual(['delivery']);
    // German words in an English text are not German terms.
    expect(topics('I ordered a Paket of stickers from the shop yesterday')).toEqual([]);
  });

  it('recognises brands by name, alias and handle, and products with the brand they belong to', () => {
    const a = analyze('Loving my new RocketX from @AcmeHelp', taxonomy);
    expect(a.products).toEqual(['rocket-x']);
    expect(a.brands.sort()).toEqual(['acme']);
    expect(analyze('The Rocket X is great', taxonomy).brands).toEqual(['acme']);
    expect(analyze('Acme Corp answered quickly', taxonomy).brands).toEqual(['acme']);
    expect(analyze('Meet me at Acme Street 4', taxonomy).brands).toEqual([]);
    // A handle names the brand only as a handle: "united" the word is not @united.
    expect(analyze('@united lost my bag', taxonomy).brands).toEqual(['united']);
    expect(analyze('We stand united against the delay', taxonomy).brands).toEqual([]);
  });
});
