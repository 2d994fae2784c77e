import { describe, expect, it } from 'vitest';
import { bands, hammingDistance, NEAR_DUPLICATE_BITS, simhash } from '../../src/nlp/near-duplicate.js';

const near = (a: string, b: string) => hammingDistance(simhash(a)!, simhash(b)!) <= NEAR_DUPLICATE_BITS;

describe('near-duplicate fingerprints', () => {
  const original = '@united my flight was cancelled and nobody will rebook me, three hours on hold #fail';

  it('groups retweets, changed handles, added links and small edits', () => {
    expect(near(original, `RT @angrytraveler: ${original}`)).toBe(true);
    expect(near(original, original.replace('@united', '@AmericanAir'))).toBe(true);
    expect(near(original, `${original} https://t.co/xyz123`)).toBe(true);
    expect(near(original, original.toUpperCase())).toBe(true);
  });

  it('keeps different complaints apart', () => {
    expect(near(original, '@united lost my bag in Denver and the desk staff were rude to my mother')).toBe(false);
    expect(near('Love the new app, checkout is so fast now', 'Hate the new app, checkout is so slow now and crashes')).toBe(false);
  });

  it('spreads unrelated texts about half the bits apart', () => {
    const texts = [
      'the delivery came two days late and the box was crushed',
      'great customer service, they refunded me the same day',
      'app crashes every time I open the settings page on android',
      'prices went up again this month without any notice at all',
      'cannot log in since the password reset email never arrives',
    ];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const d = hammingDistance(simhash(texts[i]!)!, simhash(texts[j]!)!);
        expect(d).toBeGreaterThan(12);
      }
    }
  });

  it('does not fingerprint texts too short to judge', () => {
    expect(simhash('thanks @united')).toBeNull();
  });

  it('finds every near pair through a shared band', () => {
    const a = simhash(original)!;
    const b = simhash(`RT @x: ${original} https://t.co/1`)!;
    const shared = bands(a).some((band, i) => band === bands(b)[i]);
    expect(shared).toBe(true);
  });
});
