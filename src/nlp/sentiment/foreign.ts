import { MULTILINGUAL_LANGUAGES, scoreEmoji, scoreMultilingual } from '../sentiment-multilingual/index.js';
import type { SentimentLabel } from '../sentiment.js';
import type { SentimentContribution } from './english.js';

export { MULTILINGUAL_LANGUAGES };

// One mild word (valence 1) squashes to about 0.25: it stays neutral, one clear opinion word
// decides. Chosen leave-one-language-out on the sets with a neutral class (BENCHMARKS.md).
const NEUTRAL_BAND = 0.25;

export interface ForeignSentiment {
  score: number;
  label: SentimentLabel;
  explain: SentimentContribution[];
}

/**
 * Lexicon-and-rules sentiment for nl, sv, pl, de, fr, es, in the shape the English model gives;
 * for text of undetermined language ('und'), its emoji and emoticons alone (null without any).
 */
export function foreignSentiment(text: string, lang: string): ForeignSentiment | null {
  const scored = lang === 'und' ? scoreEmoji(text) : scoreMultilingual(text, lang);
  if (!scored) return null;
  return { score: scored.score, label: foreignLabel(scored.score), explain: merged(scored.explain.map(toContribution)) };
}

// "😍😍" or "super super": one entry per word and kind, its weights added up, as English explains.
function merged(parts: SentimentContribution[]): SentimentContribution[] {
  const out: SentimentContribution[] = [];
  for (const part of parts) {
    const same = out.find((c) => c.kind === part.kind && c.text === part.text && c.cue === part.cue);
    if (same) same.weight = Math.round((same.weight + part.weight) * 1000) / 1000;
    else out.push({ ...part });
  }
  return out;
}

export function foreignLabel(score: number): SentimentLabel {
  if (score > NEUTRAL_BAND) return 'positive';
  if (score < -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

// The analyzer explains itself as 'nicht→gut(-2.25)', 'super(+4.5)' or 'contrast:aber'.
function toContribution(part: string): SentimentContribution {
  const valued = /^(.*)\(([+-]?\d+(?:\.\d+)?)\)$/.exec(part);
  if (valued) {
    const text = valued[1]!.replace(/→/g, ' ');
    const weight = Number(valued[2]);
    if (valued[1]!.includes('→')) return { text, kind: 'negated', weight };
    // Verb-second negation, "gefällt←nicht": named negator first, as the other negations are.
    const after = valued[1]!.split('←');
    if (after.length === 2) return { text: `${after[1]} ${after[0]}`, kind: 'negated', weight };
    // A review idiom ("funktioniert nicht", "rien à redire") is a cue, as English review phrases are.
    return text.includes(' ') ? { text, kind: 'cue', cue: 'review', weight } : { text, kind: 'lexicon', weight };
  }
  const [cue, word] = part.split(':');
  return { text: word ?? part, kind: 'cue', cue, weight: 0 };
}
