import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/nlp/pipeline.js';
import { compileTaxonomy } from '../../src/nlp/taxonomy.js';
import { englishModel } from '../../src/nlp/sentiment/english.js';
import { ratingAgreement } from '../../src/nlp/sentiment.js';
import { configFrom } from '../helpers/temp-earshot.js';

const config = configFrom(`
brands:
  - { id: acme, name: Acme, include: [Acme] }
topics:
  - { id: baggage, name: Baggage, terms: [bag, luggage] }
  - { id: crew, name: Crew, terms: [crew] }
  - { id: delivery, name: Delivery, terms: [delivery] }
  - { id: furniture, name: Furniture, terms: [chair, table] }
  - { id: wifi, name: Wifi, terms: [wifi] }
`);
const taxonomy = compileTaxonomy(config.topics, config.brands);
const en = (text: string) => analyze(text, taxonomy, { langHint: 'en' });

describe('English sentiment a brand manager can trust', () => {
  it('reads complaints told as facts as negative, and names the cues', () => {
    const a = en('been on hold for 2 hours and still no answer');
    expect(a.sentiment?.label).toBe('negative');
    const cues = a.sentiment?.explain?.filter((c) => c.kind === 'cue').map((c) => c.text) ?? [];
    expect(cues).toEqual(expect.arrayContaining(['on hold', 'still no']));
    for (const c of a.sentiment?.explain ?? []) if (c.kind === 'cue') expect(c.weight).toBeLessThan(0);
  });

  it('weighs the clause after "but" more: negative overall, with a positive first clause', () => {
    const a = en('The crew was great but my bag never arrived');
    expect(a.sentiment?.label).toBe('negative');
    const clauses = a.sentences[0]?.clauses ?? [];
    expect(clauses.map((c) => c.text)).toEqual(['The crew was great', 'but my bag never arrived']);
    expect(clauses[0]?.sentiment.label).toBe('positive');
    expect(clauses[1]?.sentiment.label).toBe('negative');
    expect(a.sentiment?.explain?.some((c) => c.text.includes('great') && c.weight > 0)).toBe(true);
  });

  it('gives each topic the sentiment of its own side of a contrast or concession', () => {
    const topic = (a: ReturnType<typeof en>, id: string) => a.topics.find((t) => t.id === id)?.sentiment?.label;
    const conceded = en('Although the delivery was late, the chair is great.');
    expect(conceded.sentiment?.label).toBe('positive');
    expect(conceded.sentences[0]?.clauses?.map((c) => c.text)).toEqual(['Although the delivery was late,', 'the chair is great.']);
    expect(topic(conceded, 'furniture')).toBe('positive');
    expect(topic(conceded, 'delivery')).toBe('negative');
    const after = en('The chair is great, even though the delivery was late.');
    expect(after.sentences[0]?.clauses?.map((c) => c.text)).toEqual(['The chair is great,', 'even though the delivery was late.']);
    expect([topic(after, 'furniture'), topic(after, 'delivery')]).toEqual(['positive', 'negative']);
    const contrast = en('The crew was great but my bag never arrived');
    expect([topic(contrast, 'crew'), topic(contrast, 'baggage')]).toEqual(['positive', 'negative']);
    // An adverb "though" opens no clause of its own.
    expect(en('The wifi though was slow.').sentences[0]?.clauses).toBeUndefined();
    expect(en('Great chair, though.').sentences[0]?.clauses).toBeUndefined();
  });

  it('reads hyphenated opinion words whole: "trouble-free" is praise, not trouble', () => {
    for (const [text, compound] of [['Problem-free for a year.', 'problem - free'], ['Trouble-free setup and a user-friendly app.', 'trouble - free']]) {
      const a = en(text!);
      expect(a.sentiment?.label).toBe('positive');
      expect(a.sentiment?.explain?.find((c) => c.text === compound)?.weight).toBeGreaterThan(0);
    }
    expect(en('Overall a sub-par, over-priced hotel.').sentiment?.label).toBe('negative');
  });

  it('reads a complaint named as the only one, and a star taken off, as a mostly happy review', () => {
    expect(en('Sounds fine. My only complaint is the cable.').sentiment?.label).toBe('positive');
    const knocked = en('I knocked a star off for the noisy fan.');
    expect(knocked.sentiment?.label).toBe('positive');
    expect(knocked.sentiment?.explain?.find((c) => c.text === 'knocked a star off')?.weight).toBeGreaterThan(0);
    // A one-star rating is still one.
    expect(en('One star. The fan is noisy.').sentiment?.label).toBe('negative');
  });

  it('reads a question that complains as negative', () => {
    const a = en('why is my refund still not processed?');
    expect(a.sentiment?.label).toBe('negative');
    expect(a.sentiment?.explain?.some((c) => c.cue === 'question-complaint')).toBe(true);
  });

  it('understands negation and praise', () => {
    expect(en('not bad at all').sentiment?.label).toBe('positive');
    expect(en('Love my Echo! Works great.').sentiment?.label).toBe('positive');
    expect(en('thanks for the quick help, the crew was lovely').sentiment?.label).toBe('positive');
    expect(en('It stopped working after a week and I had to return it.').sentiment?.label).toBe('negative');
  });

  it('lets "But ..." at the start of a sentence outweigh the sentence before', () => {
    expect(en('The crew was wonderful and friendly. But my bag was lost and the food was awful!').sentiment?.label).toBe('negative');
  });

  it('keeps every score in [-1, 1] and agrees with itself', () => {
    const texts = ['', '!!!', 'ok', 'WORST. AIRLINE. EVER. 😡😡😡', 'best day ever ❤️❤️', 'a'.repeat(5000), 'the crew, the bag, the crew.'];
    for (const text of texts) {
      const a = en(text);
      for (const s of [a.sentiment, ...a.sentences.map((x) => x.sentiment), ...a.topics.map((t) => t.sentiment)]) {
        if (!s) continue;
        expect(s.score).toBeGreaterThanOrEqual(-1);
        expect(s.score).toBeLessThanOrEqual(1);
      }
      expect(en(text)).toEqual(a);
    }
  });

  it('gives topics the sentiment of their sentences', () => {
    const a = en('The crew was lovely. My bag was lost and nobody called back.');
    expect(a.topics.find((t) => t.id === 'crew')?.sentiment?.label).toBe('positive');
    expect(a.topics.find((t) => t.id === 'baggage')?.sentiment?.label).toBe('negative');
  });

  it('explains only the document unless asked for more', () => {
    const text = 'Great crew. Lost bag.';
    expect(en(text).sentences[0]?.sentiment?.explain).toBeUndefined();
    expect(analyze(text, taxonomy, { explain: 'all' }).sentences[0]?.sentiment?.explain?.length).toBeGreaterThan(0);
    expect(analyze(text, taxonomy, { explain: 'none' }).sentiment?.explain).toBeUndefined();
  });

  it('still gives no sentiment, with a reason, to languages it has no analyzer for', () => {
    const a = analyze('A entrega atrasou muito e ninguém atendeu o telefone, que vergonha.', taxonomy);
    expect(a.sentiment).toBeNull();
    expect(a.sentimentNote).toBe(`no sentiment analyzer for language '${a.lang}'`);
  });
});

describe('the shipped model', () => {
  it('loads and has the expected shape', () => {
    const model = englishModel();
    expect(model.version).toBe(1);
    expect(model.classes).toEqual(['negative', 'neutral', 'positive']);
    expect(model.bias).toHaveLength(2);
    const entries = Object.entries(model.weights);
    expect(entries.length).toBeGreaterThan(1000);
    for (const [, w] of entries.slice(0, 200)) expect(w).toHaveLength(2);
    // The cues are in it, pushing towards negative; airline names and handles are not.
    for (const cue of ['c:waiting', 'c:still-no', 'c:delay', 'c:cancelled', 'c:broken']) expect(model.weights[cue]?.[1]).toBeLessThan(0);
    expect(Object.keys(model.weights).some((k) => /united|jetblue|southwest|usairways|@\w/.test(k))).toBe(false);
  });
});

describe('ratingAgreement', () => {
  it('compares stars with the text sentiment', () => {
    expect(ratingAgreement(5, 'positive')).toBe('agree');
    expect(ratingAgreement(1, 'negative')).toBe('agree');
    expect(ratingAgreement(3, 'neutral')).toBe('agree');
    expect(ratingAgreement(5, 'negative')).toBe('disagree');
    expect(ratingAgreement(2, 'positive')).toBe('disagree');
    expect(ratingAgreement(4, 'neutral')).toBe('mixed');
    expect(ratingAgreement(3, 'negative')).toBe('mixed');
    expect(ratingAgreement(4.6, 'positive')).toBe('agree');
    expect(() => ratingAgreement(Number.NaN, 'positive')).toThrow(RangeError);
  });
});

describe('the scoring fast path', () => {
  it('scores every span exactly as the training features do', async () => {
    const { scoreSpan, viewOfText } = await import('../../src/nlp/sentiment/english.js');
    const { extractFeatures } = await import('../../src/nlp/sentiment/features.js');
    const { logits, fromLogits } = await import('../../src/nlp/sentiment/model.js');
    const texts = [
      'been on hold for 2 hours and still no answer',
      'The crew was wonderful and friendly. But my bag was lost and the food was awful!',
      'why is my refund still not processed? never received any email. constructor toString',
      'not bad at all, very good service!!! flight delayed 3 hrs but the crew was great',
      'It stopped working after a week and I had to return it. not working, nobody answer',
      'Flimsy and overpriced, 2/5. The staff were lovely but 4 out of 5 is generous; two stars at most.',
      'great great great superb lovely fine nice good but awful terrible bad horrible flimsy broken junk',
      "Although it was cheap, I don't think I have ever been this disappointed; nobody cares. Despite that, good.",
    ];
    for (const text of texts) {
      const view = viewOfText(text);
      const n = view.raw.length;
      for (let start = 0; start < n; start += 3) {
        for (const end of [n - 1, Math.min(n - 1, start + 4)]) {
          const [neutral, positive] = logits(englishModel(), extractFeatures(view, start, end));
          expect(scoreSpan(view, start, end, false).probs).toEqual(fromLogits(neutral, positive).probs);
        }
      }
    }
  });
});
