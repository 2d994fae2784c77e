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
