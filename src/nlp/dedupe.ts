import { createHash } from 'node:crypto';

/**
 * Text as it is compared for identical-content grouping: case, spacing, link targets and
 * punctuation runs do not make a post a different voice.
 */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\p{L}\p{N}@#]+/gu, ' ')
    .trim();
}

export function contentHash(text: string): string {
  return createHash('sha1').update(normalizeForHash(text)).digest('hex');
}
