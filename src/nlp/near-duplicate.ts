/**
 * Near-duplicate fingerprints: a 64-bit SimHash over word unigrams and bigrams, so retweets,
 * quote chains and copy-paste campaigns ("RT @x: …", a changed handle, an added link or emoji)
 * land within a few bits of each other while different texts land about 32 bits apart.
 */

const RETWEET_PREFIX = /^(?:rt|mt)\s+@[\w_]+:?\s*/i;
const NOISE = /https?:\/\/\S+|www\.\S+|@[\p{L}\p{N}_]+/gu;

/** Words that make up a text's identity for near-duplicate purposes. */
export function fingerprintWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .replace(RETWEET_PREFIX, '')
      .replace(NOISE, ' ')
      .toLowerCase()
      .match(/[\p{L}\p{N}#]+/gu) ?? []
  );
}

export interface SimHash {
  /** High and low 32 bits, unsigned. */
  hi: number;
  lo: number;
}

/** Texts with fewer words than this are too short to call near-duplicates of anything. */
export const MIN_WORDS = 4;

export function simhash(text: string): SimHash | null {
  const words = fingerprintWords(text);
  if (words.length < MIN_WORDS) return null;
  const weights = new Int32Array(64);
  const add = (feature: string) => {
    const hi = fnv1a(feature, 0x811c9dc5);
    const lo = fnv1a(feature, 0x01000193 ^ 0x9e3779b9);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit]! += (hi >>> bit) & 1 ? 1 : -1;
      weights[32 + bit]! += (lo >>> bit) & 1 ? 1 : -1;
    }
  };
  for (let i = 0; i < words.length; i++) {
    add(words[i]!);
    if (i + 1 < words.length) add(`${words[i]} ${words[i + 1]}`);
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit]! > 0) hi |= 1 << bit;
    if (weights[32 + bit]! > 0) lo |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche so that similar features do not share low bits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

export function hammingDistance(a: SimHash, b: SimHash): number {
  return popcount(a.hi ^ b.hi) + popcount(a.lo ^ b.lo);
}

function popcount(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Within this many differing bits two texts count as near-duplicates. */
export const NEAR_DUPLICATE_BITS = 3;

/**
 * The four 16-bit bands of a fingerprint. Two fingerprints within 3 bits share at least one band
 * exactly (pigeonhole), so an index on bands finds every candidate without a scan.
 */
export function bands(hash: SimHash): [number, number, number, number] {
  return [hash.hi >>> 16, hash.hi & 0xffff, hash.lo >>> 16, hash.lo & 0xffff];
}
