/**
 * Near-duplicates: retweets, quote chains and copy-paste campaigns ("RT @x: …", a changed handle,
 * an added link, a word or two edited) are grouped so trends count unique voices.
 *
 * A text is its set of word unigrams and bigrams (shingles); two texts are copies when the
 * Jaccard similarity of their sets is at least 0.7. Candidates come from MinHash bands (locality
 * sensitive hashing): 18 MinHash values in 6 bands of 3, each band one indexed key, so copies
 * share a key with high probability (≥ 0.92 at similarity 0.7) while unrelated texts almost never
 * do; each candidate is then checked exactly. A 64-bit SimHash with 3-bit bands was tried first:
 * one edited word in a 16-word tweet moves it ~10 bits, so it found only verbatim copies.
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

/** Texts with fewer shingles than this (five words) are too short to call copies: "will do, thank you" is many voices. */
export const MIN_SHINGLES = 9;
export const NEAR_DUPLICATE_JACCARD = 0.7;
const BANDS = 6;
const ROWS = 3;

export function shingles(text: string): Set<string> {
  const words = fingerprintWords(text);
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    out.add(words[i]!);
    if (i + 1 < words.length) out.add(`${words[i]} ${words[i + 1]}`);
  }
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

// Fixed odd multipliers and offsets: each (a, b) is one hash function of the MinHash family.
const A = Array.from({ length: BANDS * ROWS }, (_, i) => (Math.imul(0x9e3779b1, i + 1) | 1) >>> 0);
const B = Array.from({ length: BANDS * ROWS }, (_, i) => Math.imul(0x85ebca6b, i + 7) >>> 0);

/**
 * The text's LSH keys: one per band, `band · 2^32 + hash of the band's MinHash values`; null for
 * texts too short to judge. Texts whose shingle sets are similar share at least one key.
 */
export function nearDuplicateKeys(text: string): number[] | null {
  const set = shingles(text);
  if (set.size < MIN_SHINGLES) return null;
  const mins = new Uint32Array(BANDS * ROWS).fill(0xffffffff);
  for (const shingle of set) {
    const h = fnv1a(shingle);
    for (let k = 0; k < mins.length; k++) {
      const v = mix((Math.imul(A[k]!, h) + B[k]!) >>> 0);
      if (v < mins[k]!) mins[k] = v;
    }
  }
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = mix((h ^ mins[band * ROWS + r]!) >>> 0);
    keys.push(band * 2 ** 32 + h);
  }
  return keys;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix(hash >>> 0);
}

// A final avalanche (murmur3's) so that similar inputs do not share low bits.
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
