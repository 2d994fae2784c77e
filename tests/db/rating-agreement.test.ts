import { afterAll, describe, expect, it } from 'vitest';
import { ensureImportSource } from '../../src/db/sources.js';
import { ratingAgreement } from '../../src/nlp/sentiment.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot('');
afterAll(() => earshot.cleanup());

describe('mentions.rating_agreement', () => {
  it('is ratingAgreement() of the stored rating and label, for every combination, and follows a relabel', async () => {
    const source = ensureImportSource(earshot.store.db, 'reviews');
    await earshot.ingestor.ingest(source.id, [{ externalId: 'a', text: 'It arrived.', publishedAt: Date.parse('2024-05-01T10:00:00Z'), rating: 5 }]);
    const sqlite = earshot.store.db.$client;
    const set = sqlite.prepare('UPDATE mentions SET rating = ?, sentiment_label = ? WHERE external_id = ?');
    const read = sqlite.prepare<[string], { rating_agreement: string | null }>('SELECT rating_agreement FROM mentions WHERE external_id = ?');
    for (const rating of [1, 1.4, 2, 2.5, 3, 3.4, 3.5, 4, 4.6, 5]) {
      for (const label of ['negative', 'neutral', 'positive'] as const) {
        set.run(rating, label, 'a');
        expect(read.get('a')?.rating_agreement, `${rating} stars, ${label}`).toBe(ratingAgreement(rating, label));
      }
    }
    set.run(null, 'positive', 'a');
    expect(read.get('a')?.rating_agreement).toBeNull();
    set.run(4, null, 'a');
    expect(read.get('a')?.rating_agreement).toBeNull();
  });
});
