import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewFixture } from '../helpers/review-fixtures.js';
import { analyze } from '../../src/nlp/pipeline.js';
import { scoreMultilingual } from '../../src/nlp/sentiment-multilingual/index.js';
import { compileTaxonomy } from '../../src/nlp/taxonomy.js';

// Reviews written for Earshot (tests/fixtures/multilingual-reviews/README.md): hotels, products,
// restaurants, apps and deliveries, the way customers in each language write them.
const LANGS = ['nl', 'sv', 'pl', 'de', 'fr', 'es'] as const;
const score = (text: string, lang: string): number => scoreMultilingual(text, lang)!.score;
const taxonomy = compileTaxonomy([], []);

describe('multilingual review sentiment', () => {
  it('has a fixture for every language it analyzes', () => {
    for (const lang of LANGS) expect(existsSync(new URL(`../fixtures/multilingual-reviews/${lang}.tsv`, import.meta.url))).toBe(true);
  });

  for (const lang of LANGS) {
    it(`${lang}: gets at least 18 of 20 own reviews right, and says nothing about a plain fact`, () => {
      const rows = reviewFixture(lang);
      const polar = rows.filter((r) => r.label !== 'neutral');
      const wrong = polar.filter((r) => (score(r.text, lang) > 0 ? 'positive' : 'negative') !== r.label || score(r.text, lang) === 0);
      expect(polar.length).toBeGreaterThanOrEqual(20);
      expect(wrong.map((r) => r.text).length, wrong.map((r) => r.text).join('\n')).toBeLessThanOrEqual(2);
      for (const r of rows.filter((row) => row.label === 'neutral')) expect(score(r.text, lang), r.text).toBe(0);
    });
  }

  it.each([
    ['pl', 'Nie polecam, zepsuł się po tygodniu.'],
    ['de', 'Kann ich leider nicht empfehlen.'],
    ['de', 'Ich würde es nicht wieder kaufen.'],
    ['fr', 'Je ne le recommande pas.'],
    ['fr', 'Ça ne vaut pas le coup.'],
    ['es', 'No lo recomiendo.'],
    ['es', 'No vale la pena.'],
    ['nl', 'Niet aan te raden.'],
    ['nl', 'Het is het geld niet waard.'],
    ['sv', 'Inte värt pengarna.'],
    ['sv', 'Jag kan inte rekommendera den.'],
    ['pl', 'Nie warto kupować.'],
  ])('%s: a negated recommendation or "worth it" is negative: "%s"', (lang, text) => {
    expect(score(text, lang)).toBeLessThan(-0.3);
  });

  it.each([
    ['de', 'Nicht billig, aber jeden Cent wert.'],
    ['fr', "C'est cher, mais ça vaut le coup."],
    ['es', 'No es barato, pero merece la pena.'],
    ['nl', 'Niet goedkoop, maar elke cent waard.'],
    ['sv', 'Dyr, men värd pengarna.'],
    ['pl', 'Drogi, ale wart swojej ceny.'],
  ])('%s: what follows "but" carries the verdict: "%s"', (lang, text) => {
    expect(score(text, lang)).toBeGreaterThan(0.3);
  });

  it.each([
    ['de', 'Lieferung kam an. 1/5', -1],
    ['de', 'Lieferung kam an. 5 Sterne', 1],
    ['fr', 'Une étoile, le colis est arrivé ouvert.', -1],
    ['fr', 'Commande reçue, 5/5.', 1],
    ['es', 'Lo uso a diario. 2 de 5', -1],
    ['nl', 'Vijf sterren voor de bezorger.', 1],
    ['sv', 'Levererades i tid, 4/5', 1],
    ['pl', 'Dwie gwiazdki, przyszło po miesiącu.', -1],
  ])('%s: a rating written in the text decides: "%s"', (lang, text, sign) => {
    expect(Math.sign(score(text, lang))).toBe(sign);
  });

  it('does not read a hotel class or a date as a rating', () => {
    expect(score('Wir waren in einem 4 Sterne Hotel in Köln.', 'de')).toBe(0);
    expect(score('Bestellt am 1/5/2025.', 'de')).toBe(0);
  });

  it('reads reviews written without their accents', () => {
    expect(score('Nie polecam, zepsul sie po tygodniu, jakosc fatalna.', 'pl')).toBeLessThan(-0.3);
    expect(score('Muy rapido y comodo, lo recomiendo.', 'es')).toBeGreaterThan(0.3);
    expect(score('Géén aanrader.', 'nl')).toBeLessThan(-0.3);
  });

  it('lets praise before a complaint count for less than the complaint', () => {
    expect(score('Sieht schön aus, ist gut verpackt, aber nach zwei Tagen kaputt.', 'de')).toBeLessThan(0);
    expect(score('Ładny i lekki, niestety po tygodniu przestał działać.', 'pl')).toBeLessThan(0);
  });

  it('explains a verdict by the idiom that made it', () => {
    const result = scoreMultilingual('Nie polecam, zepsuł się po tygodniu.', 'pl')!;
    expect(result.explain.some((part) => part.startsWith('nie polecam('))).toBe(true);
    expect(result.explain.some((part) => part.startsWith('zepsuł się('))).toBe(true);
  });

  it('gives no sentiment, with the reason, for a review in a language without an analyzer', () => {
    const a = analyze('O hotel é ótimo, recomendo muito!', taxonomy, { langHint: 'pt' });
    expect(a.lang).toBe('pt');
    expect(a.sentiment).toBeNull();
    expect(a.sentimentNote).toBe("no sentiment analyzer for language 'pt'");
  });

  it('scores a Polish review through analyze() with its language hint', () => {
    const a = analyze('Nie polecam, zepsuł się po tygodniu.', taxonomy, { langHint: 'pl' });
    expect(a.lang).toBe('pl');
    expect(a.sentiment?.label).toBe('negative');
  });
});

describe('emoji and star runs in reviews', () => {
  it('reads a run of stars as a rating and thumbs down as a complaint', () => {
    expect(score('Lieferung ok ⭐⭐', 'de')).toBeLessThan(0);
    expect(score('Livraison ⭐⭐⭐⭐⭐', 'fr')).toBeGreaterThan(0.5);
    expect(score('★★☆☆☆ envío lento', 'es')).toBeLessThan(-0.3);
    expect(score('Bezorging 👎', 'nl')).toBeLessThan(-0.3);
  });
});

describe('inflected review words', () => {
  it.each([
    ['nl', 'Waardeloze service en een vieze kamer.', -1],
    ['nl', 'De trage bediening was het ergste.', -1],
    ['nl', 'Zeer behulpzame en lieve mensen.', 1],
    ['de', 'Eine enttäuschende Lieferung mit kaputten Teilen.', -1],
    ['de', 'Hervorragenden Service erhalten.', 1],
    ['pl', 'Bardzo wygodnego fotela szukałem, ten jest świetnej jakości.', 1],
    ['pl', 'Tandetnego sprzętu nie kupujcie.', -1],
    ['fr', 'Des serveuses désagréables et des plats médiocres.', -1],
    ['es', 'Unos camareros amabilísimos y platos riquísimos.', 1],
  ])('%s: "%s"', (lang, text, sign) => {
    expect(Math.sign(score(text, lang))).toBe(sign);
  });
});

describe('complaints told as negated facts', () => {
  it.each([
    ['de', 'Der Fahrer hat nicht geklingelt.'],
    ['fr', "Le colis n'est pas encore là."],
    ['es', 'Todavía no tengo el paquete.'],
    ['pl', 'Paczka do dziś nie przyszła.'],
  ])('%s leans negative without an opinion word, but stays below the label band: "%s"', (lang, text) => {
    const result = scoreMultilingual(text, lang)!;
    expect(result.score).toBeLessThan(0);
    expect(result.score).toBeGreaterThanOrEqual(-0.25);
  });

  it('leaves a plain fact without negation at 0', () => {
    expect(score('Das Paket kam am Dienstag.', 'de')).toBe(0);
  });
});

describe('review idioms a customer writes', () => {
  it.each([
    ['de', 'Ware kam nie an, Händler reagiert nicht.', -1],
    ['de', 'Würde ich nicht noch mal buchen.', -1],
    ['de', 'Das Hotel hat unsere Erwartungen übertroffen.', 1],
    ['de', 'Hab mir mehr davon versprochen.', -1],
    ['de', 'Akku hält keinen Tag.', -1],
    ['fr', 'Ça ne sert à rien.', -1],
    ['fr', 'Plats sans saveur et hors de prix.', -1],
    ['fr', 'Le son est de piètre qualité.', -1],
    ['es', 'La comida sin sabor y carísima.', -1],
    ['es', 'Superó mis expectativas.', 1],
    ['pl', 'Jedzenie bez smaku i za drogie.', -1],
    ['pl', 'Wszystko super, nie mam zastrzeżeń.', 1],
    ['pl', 'Wielkie rozczarowanie.', -1],
    ['nl', 'Niets werkt meer na de update.', -1],
    ['nl', 'Totale afzetterij, blijf weg.', -1],
    ['nl', 'Alles top, geen klachten.', 1],
    ['sv', 'Sämsta köpet någonsin.', -1],
    ['sv', 'Ingenting fungerar efter uppdateringen.', -1],
    ['sv', 'Snabb leverans och väl förpackat.', 1],
  ])('%s: "%s"', (lang, text, sign) => {
    const value = score(text, lang);
    expect(Math.sign(value)).toBe(sign);
    expect(Math.abs(value)).toBeGreaterThan(0.3);
  });
});

describe('negation after the verb', () => {
  it('turns the verb only for the sentence negator, never a sentence adverb before "kein"', () => {
    expect(score('Leider keine Antwort bekommen.', 'de')).toBeLessThan(-0.3);
    expect(score('Helaas geen antwoord gekregen.', 'nl')).toBeLessThan(-0.3);
    expect(score('Det fungerade inte.', 'sv')).toBeLessThan(0);
    expect(score('Es gefällt mir nicht.', 'de')).toBeLessThan(0);
  });
});

describe('emoji inside a negation', () => {
  it('are not turned by the words around them', () => {
    expect(score('Ingen kö alls idag 😂', 'sv')).toBeGreaterThan(0);
    expect(score('Pas de réponse 😡', 'fr')).toBeLessThan(-0.3);
  });
});
