import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { analyze } from '../../src/nlp/pipeline.js';
import { compileTaxonomy } from '../../src/nlp/taxonomy.js';

describe('built-in customer-feedback taxonomy', () => {
  const result = parseConfigText('brands: []\n');
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const taxonomy = compileTaxonomy(result.config.topics, []);
  const topicsOf = (text: string) => analyze(text, taxonomy).topics.map((t) => t.id).sort();

  it('is what a config without topics gets, and an empty list turns it off', () => {
    expect(result.config.topics.map((t) => t.id)).toEqual(
      expect.arrayContaining(['delivery', 'price', 'customer-service', 'ordering', 'product-quality', 'app-website', 'account', 'refunds']),
    );
    const none = parseConfigText('topics: []\n');
    expect(none.ok && none.config.topics).toEqual([]);
  });

  it('tags everyday complaints with the topics a marketer expects', () => {
    expect(topicsOf('My parcel never arrived and customer service kept me on hold.')).toEqual(['customer-service', 'delivery', 'delivery-delay']);
    expect(topicsOf('The app keeps crashing since the latest update')).toEqual(['app-website']);
    expect(topicsOf('Charged twice and still no refund!')).toEqual(['price', 'refunds']);
    expect(topicsOf('I cannot log in, the reset password email never comes')).toEqual(['account']);
    expect(topicsOf('Lovely weather today')).toEqual([]);
  });
});

describe('built-in taxonomy in other languages', () => {
  const result = parseConfigText('{}\n');
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const taxonomy = compileTaxonomy(result.config.topics, []);
  const topicsOf = (text: string, lang: string) => analyze(text, taxonomy, { langHint: lang }).topics.map((t) => t.id).sort();

  it.each([
    ['nl', 'Mijn pakket is nooit aangekomen en de klantenservice geeft geen antwoord.', ['customer-service', 'delivery', 'delivery-delay']],
    ['sv', 'Paketet har inte kommit och kundtjänst svarar aldrig, vill ha pengarna tillbaka.', ['customer-service', 'delivery', 'delivery-delay', 'refunds']],
    ['pl', 'Paczka nie dotarła, a obsługa klienta nie odpowiada. Chcę zwrot pieniędzy.', ['customer-service', 'delivery', 'delivery-delay', 'refunds']],
    ['de', 'Die Lieferung ist nicht angekommen und die Rückerstattung dauert ewig.', ['delivery', 'delivery-delay', 'refunds']],
    ['fr', "J'ai été facturé deux fois et la commande n'est jamais arrivée, colis perdu.", ['delivery', 'delivery-delay', 'ordering', 'price']],
    ['es', 'La aplicación se cuelga y no puedo iniciar sesión en mi cuenta.', ['account', 'app-website']],
  ])('%s: %s', (lang, text, expected) => {
    expect(topicsOf(text, lang)).toEqual(expected);
  });

  it('keeps a language\'s terms and exclusions to that language', () => {
    expect(topicsOf('Me di cuenta de que el producto es bueno.', 'es')).toEqual([]);
    expect(topicsOf('Het was een lekkere ui soep', 'nl')).toEqual([]);
  });
});
