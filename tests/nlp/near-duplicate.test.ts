import { describe, expect, it } from 'vitest';
import { jaccard, NEAR_DUPLICATE_JACCARD, nearDuplicateKeys, shingles } from '../../src/nlp/near-duplicate.js';

const similar = (a: string, b: string) => jaccard(shingles(a), shingles(b)) >= NEAR_DUPLICATE_JACCARD;
const shareKey = (a: string, b: string) => nearDuplicateKeys(a)!.some((k) => nearDuplicateKeys(b)!.includes(k));

describe('near-duplicate fingerprints', () => {
  const original = '@united my flight was cancelled and nobody will rebook me, three hours on hold #fail';

  it('calls retweets, changed handles, added links, case and a small edit copies', () => {
    for (const copy of [
      `RT @angrytraveler: ${original}`,
      original.replace('@united', '@AmericanAir'),
      `${original} https://t.co/xyz123`,
      original.toUpperCase(),
      original.replace('three hours', 'four hours'),
    ]) {
      expect(similar(original, copy)).toBe(true);
      expect(shareKey(original, copy)).toBe(true);
    }
  });

  it('keeps different complaints apart, even on the same subject', () => {
    expect(similar(original, '@united lost my bag in Denver and the desk staff were rude to my mother')).toBe(false);
    expect(similar('Love the new app, checkout is so fast now', 'Hate the new app, checkout is so slow now and crashes')).toBe(false);
    expect(similar(original, '@united my flight was cancelled again, I am stuck in Denver with two kids')).toBe(false);
  });

  it('gives unrelated texts no shared key', () => {
    const texts = [
      'the delivery came two days late and the box was crushed',
      'great customer service, they refunded me the same day',
      'app crashes every time I open the settings page on android',
      'prices went up again this month without any notice at all',
      'cannot log in since the password reset email never arrives',
    ];
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) expect(shareKey(texts[i]!, texts[j]!)).toBe(false);
  });

  it('does not fingerprint texts too short to judge', () => {
    expect(nearDuplicateKeys('thanks @united')).toBeNull();
    expect(nearDuplicateKeys('will do, thank you!')).toBeNull();
  });
});
