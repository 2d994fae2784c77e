import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * A wink-nlp instance whose sentiment pass also hands over what wink itself throws away: the
 * lexicon hits of the last document read (token span and polarity). The English sentiment model
 * reads them as features, per clause, and names them in `explain`, without a second pass over
 * the text. Same pipes and tokenizer as ../wink.ts, so topic matching sees the same tokens.
 */
type Setter = (px: unknown[], rdd: unknown, constants: unknown, locate: unknown) => void;
interface SaModel {
  machines: unknown;
  setter: Setter;
}

/** One lexicon hit as wink scores it: tokens [start, end] and polarity in [-1, 1], before negation. */
export type LexiconHit = [start: number, end: number, polarity: number];

let lastHits: LexiconHit[] = [];

const base = model as unknown as Record<string, unknown> & { sa: () => SaModel };
const capturing = {
  ...base,
  sa: (): SaModel => {
    const sa = base.sa();
    return {
      machines: sa.machines,
      setter: (px, rdd, constants, locate) => {
        sa.setter(px, rdd, constants, locate);
        // After wink's setter each entry is [start, end, polarity / 1000 already applied].
        lastHits = px as LexiconHit[];
      },
    };
  },
};

export const nlp = winkNLP(capturing as unknown as typeof model, ['sbd', 'negation', 'sentiment']);
export const its = nlp.its;

export type WinkDoc = ReturnType<typeof nlp.readDoc>;

/** Reads a document and returns it with the lexicon hits wink found in it. Synchronous, so safe. */
export function readDoc(text: string): { doc: WinkDoc; hits: LexiconHit[] } {
  lastHits = [];
  const doc = nlp.readDoc(text);
  const hits = lastHits;
  lastHits = [];
  return { doc, hits };
}
