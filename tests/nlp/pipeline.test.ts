import { describe, expect, it } from 'vitest';
import { analyze, topicsWithAncestors } from '../../src/nlp/pipeline.js';
import { compileTaxonomy } from '../../src/nlp/taxonomy.js';
import { contentHash } from '../../src/nlp/dedupe.js';
import { configFrom } from '../helpers/temp-earshot.js';

const config = configFrom(`
brands:
  - { id: united, name: United, include: ["@united", United Airlines], exclude: [United Nations] }
  - { id: delta, name: Delta, include: [Delta], competitor: true }
topics:
  - { id: disruption, name: Disruption, terms: [delay, cancelled] }
  - { id: cancellations, name: Cancellations, parent: disruption, terms: [cancelled, cancellation] }
  - { id: baggage, name: Baggage, terms: [bag, luggage], phrases: [baggage claim] }
  - { id: service, name: Service, terms: [service], exclude: [room service] }
`);
const taxonomy = compileTaxonomy(config.topics, config.brands);

describe('analyze', () => {
  it('scores the document and each sentence, and labels them', () => {
    const a = analyze('The crew was wonderful and friendly. But my bag was lost and the food was awful!', taxonomy);
    expect(a.lang).toBe('en');
    expect(a.sentences).toHaveLength(2);
    expect(a.sentences[0]!.sentiment!.label).toBe('positive');
    expect(a.sentences[1]!.sentiment!.label).toBe('negative');
    expect(a.sentiment!.score).toBeGreaterThanOrEqual(-1);
    expect(a.sentiment!.score).toBeLessThanOrEqual(1);
  });

  it('gives each topic the sentiment of the sentences that mention it', () => {
    const a = analyze('Great flight, lovely crew. Two BAGS were destroyed, awful.', taxonomy);
    const baggage = a.topics.find((t) => t.id === 'baggage');
    expect(baggage?.terms).toEqual(['bag']);
    expect(baggage?.sentiment?.label).toBe('negative');
    expect(a.sentiment?.label).not.toBe(baggage?.sentiment?.label === 'negative' ? 'x' : 'negative');
  });

  it('matches terms case- and plural-insensitively, phrases as sequences, and honours exclusions', () => {
    const a = analyze('Delays again, then waited an hour at baggage claim. Room service was closed.', taxonomy);
    const ids = a.topics.map((t) => t.id).sort();
    expect(ids).toEqual(['baggage', 'disruption']);
    expect(a.topics.find((t) => t.id === 'baggage')?.terms).toEqual(['baggage claim']);
  });

  it('counts a subtopic for its ancestors', () => {
    const a = analyze('My flight got cancelled.', taxonomy);
    expect(a.topics.map((t) => t.id).sort()).toEqual(['cancellations', 'disruption']);
    const only = analyze('A cancellation notice came.', taxonomy);
    expect(topicsWithAncestors(only, taxonomy).sort()).toEqual(['cancellations', 'disruption']);
  });

  it('recognises brands by handle and name, minus excluded phrases', () => {
    expect(analyze('@United lost my bag', taxonomy).brands).toEqual(['united']);
    expect(analyze('Flew United Airlines and Delta this week', taxonomy).brands.sort()).toEqual(['delta', 'united']);
    expect(analyze('A speech at the United Nations today', taxonomy).brands).toEqual([]);
  });

  it('gives no sentiment, with a reason, where no analyzer covers the language', () => {
    const a = analyze('Il volo è stato cancellato e nessuno risponde al telefono, è inaccettabile.', taxonomy);
    expect(a.lang).toBe('it');
    expect(a.sentiment).toBeNull();
    expect(a.sentimentNote).toBe("no sentiment analyzer for language 'it'");
    expect(a.sentences.every((s) => s.sentiment === null)).toBe(true);
  });

  it('explains other languages by their words, negations and review idioms', () => {
    const idiom = analyze('Funktioniert nicht mehr, leider.', taxonomy, { langHint: 'de' }).sentiment?.explain ?? [];
    expect(idiom).toContainEqual({ text: 'funktioniert nicht mehr', kind: 'cue', cue: 'review', weight: -4.5 });
    expect(idiom).toContainEqual({ text: 'leider', kind: 'lexicon', weight: -3 });
    const verbSecond = analyze('Das Essen gefällt mir nicht.', taxonomy, { langHint: 'de' }).sentiment?.explain ?? [];
    expect(verbSecond.map((c) => [c.text, c.kind])).toContainEqual(['nicht gefällt', 'negated']);
  });

  it('reads the emoji of text whose language cannot be told, and still gives none without them', () => {
    const love = analyze('😍😍', taxonomy);
    expect(love.lang).toBe('und');
    expect(love.sentiment?.label).toBe('positive');
    expect(love.sentiment?.explain).toEqual([{ text: '😍', kind: 'lexicon', weight: 6 }]);
    expect(analyze('🙄 :(', taxonomy).sentiment?.label).toBe('negative');
    const digits = analyze('12345 678', taxonomy);
    expect(digits.sentiment).toBeNull();
    expect(digits.sentimentNote).toBe('language undetermined');
  });

  it('scores Dutch, Swedish, Polish, German, French and Spanish with the multilingual analyzer', () => {
    const a = analyze("Le service était nul. Remboursement refusé, c'est inadmissible.", taxonomy);
    expect(a).toMatchObject({ lang: 'fr', sentimentNote: null });
    expect(a.sentiment!.label).toBe('negative');
    expect(a.sentiment!.explain!.map((e) => e.text)).toContain('inadmissible');
    expect(a.sentences).toHaveLength(2);
    expect(a.topics.find((t) => t.id === 'service')?.sentiment?.label).toBe('negative');
    expect(analyze('Das Essen war nicht gut.', taxonomy).sentiment!.label).toBe('negative');
    expect(analyze('Paketet kom i tid, riktigt bra service!', taxonomy).sentiment!.label).toBe('positive');
  });

  it('keeps hashtags, @handles, links and e-mail addresses', () => {
    const a = analyze('@United lost my bag again #fail #Fail see https://example.com/Claim/42 or write claims@example.com', taxonomy);
    expect(a.entities).toEqual({
      hashtags: ['#fail'],
      mentions: ['@united'],
      urls: ['https://example.com/Claim/42'],
      emails: ['claims@example.com'],
    });
    expect(analyze('Schön, dass es klappt #bahn', taxonomy).entities.hashtags).toEqual(['#bahn']);
  });

  it("prefers the source's language hint", () => {
    const a = analyze('ok', taxonomy, { langHint: 'en-US' });
    expect(a).toMatchObject({ lang: 'en', langSource: 'hint' });
  });

  it('detects the languages customers write in', () => {
    const samples: Record<string, string> = {
      nl: 'Het pakket kwam veel te laat aan en niemand nam de telefoon op.',
      de: 'Das Paket kam viel zu spät an und niemand ging ans Telefon.',
      es: 'El paquete llegó demasiado tarde y nadie contestó el teléfono.',
      sv: 'Paketet kom alldeles för sent och ingen svarade i telefonen.',
      pl: 'Paczka przyszła za późno i nikt nie odbierał telefonu.',
    };
    for (const [lang, text] of Object.entries(samples)) expect(analyze(text, taxonomy).lang).toBe(lang);
  });
});

describe('contentHash', () => {
  it('groups texts that differ only in case, spacing, punctuation and links', () => {
    expect(contentHash('Lost my bag!!  https://t.co/abc')).toBe(contentHash('lost my BAG https://t.co/xyz'));
    expect(contentHash('Lost my bag')).not.toBe(contentHash('Found my bag'));
  });
});
